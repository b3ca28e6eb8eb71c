using System.Text;
using TlsGuard.Core.Elf;

namespace TlsGuard.Core.Tests.Scanning
{
    /// <summary>Names met again in another file are the string already made, never a new one; other text decodes as UTF-8.</summary>
    public sealed class SharedNamesTests
    {
        [Fact]
        public void The_same_bytes_anywhere_give_the_same_string_object()
        {
            var first = Bytes("\0free\0");
            var second = Bytes("xxmemcpy\0free");

            var a = SharedNames.Get(first, 1, 4);
            var b = SharedNames.Get(second, 9, 4);

            Assert.Equal("free", a);
            Assert.Same(a, b);
            Assert.Equal("memcpy", SharedNames.Get(second, 2, 6));
            Assert.NotSame(a, SharedNames.Get(Bytes("fre"), 0, 3));
        }

        [Fact]
        public void Non_ascii_and_long_names_decode_as_utf8()
        {
            var utf8 = Encoding.UTF8.GetBytes("sym_é_ü");
            var invalid = new byte[] { 0x61, 0xff, 0x62 };
            var longName = new string('x', 300);

            Assert.Equal("sym_é_ü", SharedNames.Get(utf8, 0, utf8.Length));
            Assert.Equal(Encoding.UTF8.GetString(invalid), SharedNames.Get(invalid, 0, invalid.Length));
            Assert.Equal(longName, SharedNames.Get(Bytes(longName), 0, 300));
        }

        [Fact]
        public void Past_the_table_bound_names_are_still_right()
        {
            for (var i = 0; i < 20_000; i++)
            {
                var name = "bounded_name_" + i;
                Assert.Equal(name, SharedNames.Get(Bytes(name), 0, name.Length));
            }

            Assert.Equal("bounded_name_7", SharedNames.Get(Bytes("bounded_name_7"), 0, 14));
        }

        private static byte[] Bytes(string text) => Encoding.ASCII.GetBytes(text);
    }
}
