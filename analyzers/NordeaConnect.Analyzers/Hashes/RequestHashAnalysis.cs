using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace NordeaConnect.Analyzers.Hashes;

/// <summary>
/// How the request-hash rules meet the code: each invocation in a compilation, the hand-built request hash it is the
/// MD5 of (when it is one), and that hash's parts. The rules differ only in what they look for once there.
/// </summary>
internal static class RequestHashAnalysis
{
    /// <summary>
    /// Calls <paramref name="analyze"/> for every invocation, with the compilation's known types read once. It runs per
    /// member body, so a finding anywhere in the body (the hex rendering around an MD5 call) is local to what was analysed.
    /// </summary>
    public static void RegisterInvocationAction(AnalysisContext context, Action<OperationBlockAnalysisContext, IInvocationOperation, KnownTypes> analyze)
    {
        context.RegisterCompilationStartAction(start =>
        {
            var types = new KnownTypes(start.Compilation);
            start.RegisterOperationBlockAction(block =>
            {
                foreach (var body in block.OperationBlocks)
                {
                    foreach (var operation in body.DescendantsAndSelf())
                    {
                        if (operation is IInvocationOperation invocation)
                        {
                            analyze(block, invocation, types);
                        }
                    }
                }
            });
        });
    }

    /// <summary>Calls <paramref name="analyze"/> for every MD5 invocation that computes a hand-built request hash.</summary>
    public static void RegisterHashAction(AnalysisContext context, Action<OperationBlockAnalysisContext, RequestHashComputation, KnownTypes> analyze) =>
        RegisterInvocationAction(context, (operation, invocation, types) =>
        {
            if (RequestHashComputation.TryRead(invocation, types, out var hash))
            {
                analyze(operation, hash, types);
            }
        });

    /// <summary>
    /// Reports <paramref name="rule"/> on every part of every request hash for which <paramref name="findOffence"/>
    /// returns an expression, at that expression and with its text as the message argument.
    /// </summary>
    public static void RegisterPartAction(AnalysisContext context, DiagnosticDescriptor rule, Func<IOperation, KnownTypes, IOperation?> findOffence) =>
        RegisterHashAction(context, (operation, hash, types) =>
        {
            foreach (var part in hash.Parts)
            {
                if (findOffence(part.Operation, types) is { } offence)
                {
                    operation.ReportDiagnostic(Diagnostic.Create(rule, offence.Syntax.GetLocation(), offence.Syntax.ToString()));
                }
            }
        });
}
