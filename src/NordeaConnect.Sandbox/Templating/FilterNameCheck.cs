using Fluid;
using Fluid.Ast;

namespace NordeaConnect.Sandbox.Templating;

/// <summary>
/// Finds the first filter a parsed template uses that the options do not define, so an unknown filter is refused when
/// the template is stored instead of failing every delivery (Fluid's strict filters only throw while rendering).
/// </summary>
internal sealed class FilterNameCheck(FilterCollection filters) : AstVisitor
{
    public string? UnknownFilter { get; private set; }

    protected override Expression VisitFilterExpression(FilterExpression filterExpression)
    {
        if (UnknownFilter is null && !filters.TryGetValue(filterExpression.Name, out _))
        {
            UnknownFilter = filterExpression.Name;
        }

        return base.VisitFilterExpression(filterExpression);
    }
}
