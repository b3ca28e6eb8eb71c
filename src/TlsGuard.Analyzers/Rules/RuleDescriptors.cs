using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using TlsGuard.Core.Diagnostics;

namespace TlsGuard.Analyzers.Rules
{
    /// <summary>Every diagnostic the analyzers report; the text comes from the catalog shared with TlsGuard.Core.</summary>
    internal static class RuleDescriptors
    {
        public const string Category = "Interoperability";

        public static readonly DiagnosticDescriptor PInvokeToFailingLibrary = new DiagnosticDescriptor(
            DiagnosticIds.PInvokeToFailingLibrary,
            CallSiteDiagnosticText.FailingTitle,
            CallSiteDiagnosticText.FailingMessageFormat,
            Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: CallSiteDiagnosticText.FailingDescription,
            helpLinkUri: HelpLinks.For(DiagnosticIds.PInvokeToFailingLibrary));

        // Info rather than Warning: the build already warns once per library (TLS002), and a library that is only at
        // risk should not turn every call site into a warning. .editorconfig can raise it.
        public static readonly DiagnosticDescriptor PInvokeToAtRiskLibrary = new DiagnosticDescriptor(
            DiagnosticIds.PInvokeToAtRiskLibrary,
            CallSiteDiagnosticText.AtRiskTitle,
            CallSiteDiagnosticText.AtRiskMessageFormat,
            Category,
            DiagnosticSeverity.Info,
            isEnabledByDefault: true,
            description: CallSiteDiagnosticText.AtRiskDescription,
            helpLinkUri: HelpLinks.For(DiagnosticIds.PInvokeToAtRiskLibrary));

        public static ImmutableArray<DiagnosticDescriptor> All { get; } =
            ImmutableArray.Create(PInvokeToFailingLibrary, PInvokeToAtRiskLibrary);
    }
}
