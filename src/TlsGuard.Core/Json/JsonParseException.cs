using System;

namespace TlsGuard.Core.Json
{
    public sealed class JsonParseException : Exception
    {
        public JsonParseException(string message, int position)
            : base(message + " at offset " + position)
        {
            Position = position;
        }

        public int Position { get; }
    }
}
