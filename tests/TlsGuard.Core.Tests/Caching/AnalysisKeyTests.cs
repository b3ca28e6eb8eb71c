using System.Reflection;
using TlsGuard.Core.Analysis;
using TlsGuard.Core.Caching;
using TlsGuard.Core.Tests.Support;

namespace TlsGuard.Core.Tests.Caching
{
    /// <summary>
    /// A stored analysis is reused only under its key, so the key must change with everything an analysis reads besides
    /// files: every option and every field of every input, found by reflection so that a setting added later without a
    /// place in the key fails here instead of reusing analyses made without it.
    /// </summary>
    public sealed class AnalysisKeyTests
    {
        private static readonly LibraryInput[] Inputs = { new("/app/libone.so"), new("/app/libtwo.so") };

        [Fact]
        public void Every_option_is_part_of_the_key()
        {
            var baseline = AnalysisKey.Of("v1", Inputs, new AnalysisOptions());
            var settable = typeof(AnalysisOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod != null).ToList();
            Assert.True(settable.Count >= 13, "only " + settable.Count + " settable options");
            foreach (var property in settable.Where(p => !HowNotWhat.Contains(p.Name)))
            {
                var changed = new AnalysisOptions();
                property.SetValue(changed, OtherValue(property.PropertyType, property.GetValue(changed)));
                Assert.True(AnalysisKey.Of("v1", Inputs, changed) != baseline, property.Name + " does not change the key");
            }
        }

        /// <summary>Options that say how the analysis runs, never what it decides: a stored analysis stays valid across them.</summary>
        private static readonly string[] HowNotWhat = { nameof(AnalysisOptions.ScanThreads) };

        [Fact]
        public void How_many_threads_read_the_files_is_not_part_of_the_key()
        {
            var one = AnalysisKey.Of("v1", Inputs, new AnalysisOptions { ScanThreads = 1 });

            Assert.Equal(one, AnalysisKey.Of("v1", Inputs, new AnalysisOptions { ScanThreads = 8 }));
        }

        [Fact]
        public void Every_input_field_is_part_of_the_key()
        {
            var baseline = AnalysisKey.Of("v1", Inputs, new AnalysisOptions());
            var settable = typeof(LibraryInput).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod != null).ToList();
            Assert.True(settable.Count >= 8, "only " + settable.Count + " settable input fields");
            foreach (var property in settable)
            {
                var changed = Inputs[1] with { };
                property.SetValue(changed, OtherValue(property.PropertyType, property.GetValue(changed)));
                Assert.True(AnalysisKey.Of("v1", new[] { Inputs[0], changed }, new AnalysisOptions()) != baseline, property.Name + " does not change the key");
            }
        }

        [Fact]
        public void The_tool_the_input_order_and_list_boundaries_are_part_of_the_key()
        {
            var options = new AnalysisOptions();
            var key = AnalysisKey.Of("v1", Inputs, options);

            Assert.Equal(key, AnalysisKey.Of("v1", Inputs.ToArray(), options with { }));
            Assert.NotEqual(key, AnalysisKey.Of("v2", Inputs, options));
            Assert.NotEqual(key, AnalysisKey.Of("v1", Inputs.Reverse().ToArray(), options));
            Assert.NotEqual(
                AnalysisKey.Of("v1", Inputs, options with { SearchPaths = new[] { "/a;b" } }),
                AnalysisKey.Of("v1", Inputs, options with { SearchPaths = new[] { "/a", "b" } }));
            Assert.NotEqual(
                AnalysisKey.Of("v1", Inputs, options with { StartupLibraries = null }),
                AnalysisKey.Of("v1", Inputs, options with { StartupLibraries = new string[0] }));
        }

        private static object? OtherValue(Type type, object? current)
        {
            if (type == typeof(string))
            {
                return (string?)current + "/other";
            }

            if (type == typeof(bool))
            {
                return !(bool)current!;
            }

            if (type == typeof(IReadOnlyList<string>))
            {
                return new[] { "/other" };
            }

            if (type.IsEnum)
            {
                var values = Enum.GetValues(type).Cast<object>().ToList();
                return values.First(v => !v.Equals(current));
            }

            if (type == typeof(long?) || type == typeof(int?))
            {
                return Convert.ChangeType(current == null ? 7 : Convert.ToInt64(current) + 1, Nullable.GetUnderlyingType(type)!);
            }

            if (type == typeof(Files.IFileSystem))
            {
                return new InjectedFileSystem();
            }

            throw new NotSupportedException("no other value for " + type + ": give the key a place for it, then teach this test a value");
        }
    }
}
