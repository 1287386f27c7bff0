using NordeaConnect.Primitives;

namespace NordeaConnect.Sandbox.Billing;

/// <summary>
/// What one charge takes: <see cref="PeriodPrice"/> (price × quantity) + <see cref="SetupFee"/> (first charge only)
/// + <see cref="DebtApplied"/>. A total at or below zero charges nothing and carries the rest as negative debt.
/// </summary>
public readonly record struct ChargeCalculation(Amount Amount, Amount PeriodPrice, Amount SetupFee, decimal DebtApplied, decimal DebtCarried)
{
    /// <summary>Whether a transaction is needed at all (a discount may cover the whole period).</summary>
    public bool RequiresPayment => Amount > Amount.Zero;
}
