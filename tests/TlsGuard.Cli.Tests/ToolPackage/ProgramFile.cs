using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace TlsGuard.Cli.Tests
{
    /// <summary>
    /// What binutils readelf (not our own reader) says about an installed program: its ELF type and machine, and
    /// whether it holds ahead-of-time compiled .NET code. ILCompiler emits that code into a section named
    /// __managedcode on ELF platforms (dotnet/runtime, src/coreclr/tools/aot/ILCompiler.Compiler/Compiler/
    /// DependencyAnalysis/ObjectNodeSection.cs, ManagedCodeUnixContentSection); the dotnet apphost that launches a
    /// framework-dependent tool is an ELF executable too, but has no such section.
    /// </summary>
    internal sealed record ProgramFile(string Type, string Machine, bool HoldsCompiledManagedCode)
    {
        private static readonly Regex HeaderField = new(@"^\s*(Type|Machine):\s+(.*?)\s*$", RegexOptions.Multiline);
        private static readonly Regex SectionName = new(@"^\s*\[\s*\d+\]\s+(\S+)", RegexOptions.Multiline);

        /// <summary>A position-independent or fixed-address executable, as readelf names ET_DYN with PT_INTERP and ET_EXEC.</summary>
        public bool IsExecutable => Type.StartsWith("DYN (Position-Independent Executable", StringComparison.Ordinal) || Type.StartsWith("EXEC", StringComparison.Ordinal);

        public static ProgramFile Read(string path)
        {
            var readelf = ChildProcess.Run("readelf", new[] { "-hSW", path }, environment: new Dictionary<string, string?> { ["LC_ALL"] = "C" });
            if (readelf.ExitCode != 0)
            {
                throw new InvalidOperationException("readelf -hSW " + path + " failed (is it an ELF file?):\n" + readelf);
            }

            var fields = HeaderField.Matches(readelf.Output).ToDictionary(match => match.Groups[1].Value, match => match.Groups[2].Value, StringComparer.Ordinal);
            var sections = SectionName.Matches(readelf.Output).Select(match => match.Groups[1].Value);
            return new ProgramFile(fields["Type"], fields["Machine"], sections.Contains("__managedcode", StringComparer.Ordinal));
        }
    }
}
