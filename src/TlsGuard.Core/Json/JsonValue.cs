using System.Collections.Generic;
using System.Globalization;

namespace TlsGuard.Core.Json
{
    public enum JsonKind
    {
        Null,
        Bool,
        Number,
        String,
        Array,
        Object,
    }

    /// <summary>A parsed JSON value: enough DOM to read back our own caches, baselines and settings files.</summary>
    public sealed class JsonValue
    {
        public static readonly JsonValue NullValue = new JsonValue(JsonKind.Null);

        private JsonValue(JsonKind kind)
        {
            Kind = kind;
        }

        public JsonKind Kind { get; }
        public bool BoolValue { get; private set; }
        public double NumberValue { get; private set; }
        public string StringValue { get; private set; } = "";
        public IReadOnlyList<JsonValue> Items { get; private set; } = new JsonValue[0];

        /// <summary>Object members in document order; duplicate names keep the last value in <see cref="Get"/>.</summary>
        public IReadOnlyList<KeyValuePair<string, JsonValue>> Members { get; private set; } = new KeyValuePair<string, JsonValue>[0];

        public static JsonValue Bool(bool value) => new JsonValue(JsonKind.Bool) { BoolValue = value };
        public static JsonValue Number(double value) => new JsonValue(JsonKind.Number) { NumberValue = value };
        public static JsonValue String(string value) => new JsonValue(JsonKind.String) { StringValue = value };
        public static JsonValue Array(IReadOnlyList<JsonValue> items) => new JsonValue(JsonKind.Array) { Items = items };
        public static JsonValue Object(IReadOnlyList<KeyValuePair<string, JsonValue>> members) => new JsonValue(JsonKind.Object) { Members = members };

        /// <summary>Parses a document; throws <see cref="JsonParseException"/> on malformed text.</summary>
        public static JsonValue Parse(string text) => new JsonParser(text).ParseDocument();

        public JsonValue? Get(string name)
        {
            JsonValue? found = null;
            foreach (var member in Members)
            {
                if (member.Key == name)
                {
                    found = member.Value;
                }
            }

            return found;
        }

        public string? GetString(string name)
        {
            var value = Get(name);
            return value != null && value.Kind == JsonKind.String ? value.StringValue : null;
        }

        public long? GetInt64(string name)
        {
            var value = Get(name);
            return value != null && value.Kind == JsonKind.Number ? (long)value.NumberValue : (long?)null;
        }

        public bool? GetBool(string name)
        {
            var value = Get(name);
            return value != null && value.Kind == JsonKind.Bool ? value.BoolValue : (bool?)null;
        }

        public IReadOnlyList<JsonValue> GetArray(string name)
        {
            var value = Get(name);
            return value != null && value.Kind == JsonKind.Array ? value.Items : new JsonValue[0];
        }

        public override string ToString() => Kind switch
        {
            JsonKind.String => StringValue,
            JsonKind.Number => NumberValue.ToString(CultureInfo.InvariantCulture),
            JsonKind.Bool => BoolValue ? "true" : "false",
            _ => Kind.ToString(),
        };
    }
}
