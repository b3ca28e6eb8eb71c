using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace TlsGuard.Core.Json
{
    /// <summary>
    /// A small streaming JSON writer. The core cannot use System.Text.Json (it runs inside Visual Studio's MSBuild),
    /// so reports, caches and baselines are written through this.
    /// </summary>
    public sealed class JsonWriter
    {
        private readonly TextWriter _output;
        private readonly bool _indented;
        private int _depth;
        private bool _needsComma;
        private bool _afterPropertyName;

        public JsonWriter(TextWriter output, bool indented = true)
        {
            _output = output;
            _indented = indented;
        }

        public JsonWriter StartObject() => Open('{');
        public JsonWriter EndObject() => Close('}');
        public JsonWriter StartArray() => Open('[');
        public JsonWriter EndArray() => Close(']');

        public JsonWriter Name(string name)
        {
            BeginValue();
            WriteString(name);
            _output.Write(_indented ? ": " : ":");
            _afterPropertyName = true;
            return this;
        }

        public JsonWriter String(string? value)
        {
            BeginValue();
            if (value == null)
            {
                _output.Write("null");
            }
            else
            {
                WriteString(value);
            }

            return EndValue();
        }

        public JsonWriter Number(long value)
        {
            BeginValue();
            _output.Write(value.ToString(CultureInfo.InvariantCulture));
            return EndValue();
        }

        /// <summary>An unsigned 64-bit value (an address); readers that hold numbers as doubles are exact up to 2^53.</summary>
        public JsonWriter Number(ulong value)
        {
            BeginValue();
            _output.Write(value.ToString(CultureInfo.InvariantCulture));
            return EndValue();
        }

        public JsonWriter Bool(bool value)
        {
            BeginValue();
            _output.Write(value ? "true" : "false");
            return EndValue();
        }

        public JsonWriter Null()
        {
            BeginValue();
            _output.Write("null");
            return EndValue();
        }

        public JsonWriter Property(string name, string? value) => Name(name).String(value);
        public JsonWriter Property(string name, long value) => Name(name).Number(value);
        public JsonWriter Property(string name, bool value) => Name(name).Bool(value);

        /// <summary>"name": true | false | null.</summary>
        public JsonWriter Property(string name, bool? value) => value.HasValue ? Name(name).Bool(value.Value) : Name(name).Null();

        /// <summary>"name": ["a", "b"].</summary>
        public JsonWriter StringArrayProperty(string name, IEnumerable<string> values)
        {
            Name(name).StartArray();
            foreach (var value in values)
            {
                String(value);
            }

            return EndArray();
        }

        /// <summary>"name": {"key": "value", ...}, in the order given.</summary>
        public JsonWriter StringObjectProperty(string name, IEnumerable<KeyValuePair<string, string>> values)
        {
            Name(name).StartObject();
            foreach (var pair in values)
            {
                Property(pair.Key, pair.Value);
            }

            return EndObject();
        }

        /// <summary>"name": {"key": 1, ...}, in the order given.</summary>
        public JsonWriter NumberObjectProperty(string name, IEnumerable<KeyValuePair<string, int>> values)
        {
            Name(name).StartObject();
            foreach (var pair in values)
            {
                Property(pair.Key, pair.Value);
            }

            return EndObject();
        }

        private JsonWriter Open(char bracket)
        {
            BeginValue();
            _output.Write(bracket);
            _depth++;
            _needsComma = false;
            return this;
        }

        private JsonWriter Close(char bracket)
        {
            _depth--;
            if (_needsComma)
            {
                NewLine();
            }

            _output.Write(bracket);
            return EndValue();
        }

        private void BeginValue()
        {
            if (_afterPropertyName)
            {
                _afterPropertyName = false;
                return;
            }

            if (_needsComma)
            {
                _output.Write(',');
            }

            if (_depth > 0)
            {
                NewLine();
            }
        }

        private JsonWriter EndValue()
        {
            _needsComma = true;
            if (_depth == 0 && _indented)
            {
                _output.Write('\n');
            }

            return this;
        }

        private void NewLine()
        {
            if (_indented)
            {
                _output.Write('\n');
                _output.Write(new string(' ', _depth * 2));
            }
        }

        private void WriteString(string value)
        {
            _output.Write('"');
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"': _output.Write("\\\""); break;
                    case '\\': _output.Write("\\\\"); break;
                    case '\n': _output.Write("\\n"); break;
                    case '\r': _output.Write("\\r"); break;
                    case '\t': _output.Write("\\t"); break;
                    case '\b': _output.Write("\\b"); break;
                    case '\f': _output.Write("\\f"); break;
                    default:
                        if (c < 0x20 || c == '\u2028' || c == '\u2029')
                        {
                            _output.Write("\\u");
                            _output.Write(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            _output.Write(c);
                        }

                        break;
                }
            }

            _output.Write('"');
        }
    }
}
