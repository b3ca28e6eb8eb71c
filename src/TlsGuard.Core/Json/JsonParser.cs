using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace TlsGuard.Core.Json
{
    /// <summary>Recursive-descent parser for RFC 8259 JSON, with a nesting limit so hostile files cannot overflow the stack.</summary>
    internal sealed class JsonParser
    {
        private const int MaxDepth = 256;
        private readonly string _text;
        private int _position;
        private int _depth;

        public JsonParser(string text)
        {
            _text = text;
        }

        public JsonValue ParseDocument()
        {
            var value = ParseValue();
            SkipWhitespace();
            if (_position != _text.Length)
            {
                throw Error("unexpected text after the JSON value");
            }

            return value;
        }

        private JsonValue ParseValue()
        {
            SkipWhitespace();
            if (_position >= _text.Length)
            {
                throw Error("unexpected end of input");
            }

            switch (_text[_position])
            {
                case '{': return ParseObject();
                case '[': return ParseArray();
                case '"': return JsonValue.String(ParseString());
                case 't': Expect("true"); return JsonValue.Bool(true);
                case 'f': Expect("false"); return JsonValue.Bool(false);
                case 'n': Expect("null"); return JsonValue.NullValue;
                default: return ParseNumber();
            }
        }

        private JsonValue ParseObject()
        {
            Enter();
            _position++;
            var members = new List<KeyValuePair<string, JsonValue>>();
            SkipWhitespace();
            if (TryConsume('}'))
            {
                return Leave(JsonValue.Object(members));
            }

            while (true)
            {
                SkipWhitespace();
                if (_position >= _text.Length || _text[_position] != '"')
                {
                    throw Error("expected a property name");
                }

                var name = ParseString();
                SkipWhitespace();
                if (!TryConsume(':'))
                {
                    throw Error("expected ':'");
                }

                members.Add(new KeyValuePair<string, JsonValue>(name, ParseValue()));
                SkipWhitespace();
                if (TryConsume('}'))
                {
                    return Leave(JsonValue.Object(members));
                }

                if (!TryConsume(','))
                {
                    throw Error("expected ',' or '}'");
                }
            }
        }

        private JsonValue ParseArray()
        {
            Enter();
            _position++;
            var items = new List<JsonValue>();
            SkipWhitespace();
            if (TryConsume(']'))
            {
                return Leave(JsonValue.Array(items));
            }

            while (true)
            {
                items.Add(ParseValue());
                SkipWhitespace();
                if (TryConsume(']'))
                {
                    return Leave(JsonValue.Array(items));
                }

                if (!TryConsume(','))
                {
                    throw Error("expected ',' or ']'");
                }
            }
        }

        private string ParseString()
        {
            _position++;
            var builder = new StringBuilder();
            while (true)
            {
                if (_position >= _text.Length)
                {
                    throw Error("unterminated string");
                }

                var c = _text[_position++];
                if (c == '"')
                {
                    return builder.ToString();
                }

                if (c < 0x20)
                {
                    throw Error("control character in string");
                }

                if (c != '\\')
                {
                    builder.Append(c);
                    continue;
                }

                if (_position >= _text.Length)
                {
                    throw Error("unterminated escape");
                }

                var escape = _text[_position++];
                switch (escape)
                {
                    case '"': builder.Append('"'); break;
                    case '\\': builder.Append('\\'); break;
                    case '/': builder.Append('/'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u':
                        if (_position + 4 > _text.Length
                            || !int.TryParse(_text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                        {
                            throw Error("bad \\u escape");
                        }

                        builder.Append((char)code);
                        _position += 4;
                        break;
                    default:
                        throw Error("bad escape");
                }
            }
        }

        private JsonValue ParseNumber()
        {
            var start = _position;
            while (_position < _text.Length && "+-0123456789.eE".IndexOf(_text[_position]) >= 0)
            {
                _position++;
            }

            if (start == _position
                || !double.TryParse(_text.Substring(start, _position - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                throw Error("unexpected character");
            }

            return JsonValue.Number(number);
        }

        private void Expect(string literal)
        {
            if (string.CompareOrdinal(_text, _position, literal, 0, literal.Length) != 0)
            {
                throw Error("unexpected character");
            }

            _position += literal.Length;
        }

        private bool TryConsume(char c)
        {
            if (_position < _text.Length && _text[_position] == c)
            {
                _position++;
                return true;
            }

            return false;
        }

        private void SkipWhitespace()
        {
            while (_position < _text.Length && (_text[_position] == ' ' || _text[_position] == '\t' || _text[_position] == '\n' || _text[_position] == '\r'))
            {
                _position++;
            }
        }

        private void Enter()
        {
            if (++_depth > MaxDepth)
            {
                throw Error("nesting too deep");
            }
        }

        private JsonValue Leave(JsonValue value)
        {
            _depth--;
            return value;
        }

        private JsonParseException Error(string message) => new JsonParseException(message, _position);
    }
}
