using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TlsGuard.Analyzers.CallSites;
using TlsGuard.Analyzers.Matching;
using TlsGuard.Analyzers.Options;
using TlsGuard.Analyzers.Results;

namespace TlsGuard.Analyzers.Rules
{
    /// <summary>
    /// TLS100 / TLS101: marks [DllImport], [LibraryImport] and NativeLibrary.Load/TryLoad sites whose library the build
    /// flagged. The analyzer knows nothing about ELF; it reads the results file the MSBuild task writes before compiling.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class FlaggedLibraryCallSiteAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => RuleDescriptors.All;

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            if (!AnalyzerSettings.IsEnabled(context.Options.AnalyzerConfigOptionsProvider))
            {
                return;
            }

            // Parsed once per compilation; without flagged libraries there is nothing to look for.
            var index = ResultsFileLoader.Load(context.Options, context.CancellationToken);
            if (index.Count == 0)
            {
                return;
            }

            context.RegisterSymbolAction(
                symbolContext => ReportAttributeSites(index, (IMethodSymbol)symbolContext.Symbol, symbolContext.ReportDiagnostic, symbolContext.CancellationToken),
                SymbolKind.Method);
            context.RegisterOperationAction(
                operationContext => ReportAttributeSites(index, ((ILocalFunctionOperation)operationContext.Operation).Symbol, operationContext.ReportDiagnostic, operationContext.CancellationToken),
                OperationKind.LocalFunction);
            context.RegisterOperationAction(
                operationContext => ReportLoadSite(index, (IInvocationOperation)operationContext.Operation, operationContext.ReportDiagnostic),
                OperationKind.Invocation);
        }

        private static void ReportAttributeSites(FlaggedLibraryIndex index, IMethodSymbol method, Action<Diagnostic> report, CancellationToken cancellationToken)
        {
            foreach (var site in InteropAttributeSites.Find(method, cancellationToken))
            {
                Report(index, site, report);
            }
        }

        private static void ReportLoadSite(FlaggedLibraryIndex index, IInvocationOperation invocation, Action<Diagnostic> report)
        {
            var site = NativeLibraryLoadSites.Find(invocation);
            if (site != null)
            {
                Report(index, site, report);
            }
        }

        private static void Report(FlaggedLibraryIndex index, NativeCallSite site, Action<Diagnostic> report)
        {
            var match = LibraryMatcher.Match(index, site.LibraryName, site.Resolution);
            if (match != null)
            {
                report(CallSiteDiagnostics.Create(site, match));
            }
        }
    }
}
