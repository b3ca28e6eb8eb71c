using System;

namespace TlsGuard.Core.Analysis
{
    /// <summary>The host kinds as the CLI (--host) and MSBuild (TlsGuardHostKind) spell them.</summary>
    public static class HostKindNames
    {
        public const string Accepted = "dotnet, single-file, native-aot or c-program";

        public static bool TryParse(string? text, out HostKind kind)
        {
            kind = HostKind.Dotnet;
            switch ((text ?? "").Trim().ToLowerInvariant())
            {
                case "dotnet":
                case "apphost":
                    kind = HostKind.Dotnet;
                    return true;
                case "single-file":
                case "singlefile":
                    kind = HostKind.SingleFile;
                    return true;
                case "native-aot":
                case "nativeaot":
                case "aot":
                    kind = HostKind.NativeAot;
                    return true;
                case "c-program":
                case "c":
                    kind = HostKind.CProgram;
                    return true;
                default:
                    return false;
            }
        }

        public static string ToName(HostKind kind)
        {
            switch (kind)
            {
                case HostKind.SingleFile: return "single-file";
                case HostKind.NativeAot: return "native-aot";
                case HostKind.CProgram: return "c-program";
                default: return "dotnet";
            }
        }
    }
}
