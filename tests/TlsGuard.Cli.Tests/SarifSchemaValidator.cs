using System.IO;

namespace TlsGuard.Cli.Tests
{
    /// <summary>
    /// Validates a SARIF log against the official 2.1.0 schema with Debian's python3-jsonschema (no JSON-schema library
    /// restores from the NuGet mirror). The validator follows the schema's own "$schema" (draft-04). A missing module fails.
    /// </summary>
    internal static class SarifSchemaValidator
    {
        private const string Script =
            "import json, sys\n" +
            "import jsonschema\n" +
            "schema = json.load(open(sys.argv[1], encoding='utf-8'))\n" +
            "log = json.load(open(sys.argv[2], encoding='utf-8'))\n" +
            "cls = jsonschema.validators.validator_for(schema)\n" +
            "cls.check_schema(schema)\n" +
            "errors = sorted(cls(schema, format_checker=cls.FORMAT_CHECKER).iter_errors(log), key=lambda e: list(e.absolute_path))\n" +
            "for e in errors[:20]:\n" +
            "    print('/'.join(str(p) for p in e.absolute_path) + ': ' + e.message)\n" +
            "print(cls.__name__ + ': ' + str(len(errors)) + ' errors')\n" +
            "sys.exit(1 if errors else 0)\n";

        /// <summary>Returns (valid, validator output). Throws when the validator itself cannot run.</summary>
        public static (bool Valid, string Report) Validate(string sarifText)
        {
            Assert.True(File.Exists(Repo.SarifSchema), "SARIF schema not found at " + Repo.SarifSchema);
            using var temp = new TempDirectory("sarif");
            var file = temp.Write("log.sarif", sarifText);
            var (exitCode, output, error) = ChildProcess.Run("python3", new[] { "-c", Script, Repo.SarifSchema, file }, timeout: System.TimeSpan.FromMinutes(2));
            Assert.False(
                error.Contains("ModuleNotFoundError", System.StringComparison.Ordinal),
                "python3-jsonschema is missing: run scripts/install-test-deps.sh\n" + error);
            Assert.True(exitCode == 0 || exitCode == 1, "validator crashed (exit " + exitCode + "):\n" + output + error);
            return (exitCode == 0, output + error);
        }
    }
}
