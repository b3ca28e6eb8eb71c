using System;
using System.Collections.Generic;
using System.Globalization;
using TlsGuard.Core.Json;

namespace TlsGuard.Core.Caching
{
    /// <summary>
    /// Strict reads of the scan cache's fields: a value of the wrong JSON type, a number that is not a whole number in
    /// range, or a missing required field is a <see cref="FormatException"/>, never a default. The cache is a hint that
    /// is rescanned when it is wrong, so the reader must be able to tell.
    /// </summary>
    internal static class JsonFields
    {
        /// <summary>Whole numbers JSON readers (doubles) hold exactly.</summary>
        private const double MaxExact = 9007199254740992d;

        public static JsonValue Object(JsonValue value, string what)
        {
            if (value.Kind != JsonKind.Object)
            {
                throw new FormatException(what + " must be a JSON object");
            }

            return value;
        }

        public static string RequiredString(JsonValue owner, string name)
        {
            JsonValue? value = owner.Get(name);
            if (value == null || value.Kind != JsonKind.String)
            {
                throw new FormatException("'" + name + "' must be a string");
            }

            return value.StringValue;
        }

        public static string? OptionalString(JsonValue owner, string name)
        {
            JsonValue? value = owner.Get(name);
            if (value == null || value.Kind == JsonKind.Null)
            {
                return null;
            }

            if (value.Kind != JsonKind.String)
            {
                throw new FormatException("'" + name + "' must be a string or null");
            }

            return value.StringValue;
        }

        public static bool Bool(JsonValue owner, string name)
        {
            JsonValue? value = owner.Get(name);
            if (value == null || value.Kind != JsonKind.Bool)
            {
                throw new FormatException("'" + name + "' must be true or false");
            }

            return value.BoolValue;
        }

        public static long Integer(JsonValue owner, string name, long min, long max) => IntegerValue(owner.Get(name), name, min, max);

        public static long IntegerValue(JsonValue? value, string name, long min, long max)
        {
            if (value == null || value.Kind != JsonKind.Number)
            {
                throw new FormatException("'" + name + "' must be a number");
            }

            double number = value.NumberValue;
            if (Math.Floor(number) != number || Math.Abs(number) > MaxExact || number < min || number > max)
            {
                throw new FormatException("'" + name + "' is " + number.ToString(CultureInfo.InvariantCulture) + ", not a whole number from " + min + " to " + max);
            }

            return (long)number;
        }

        /// <summary>A 64-bit value written as a decimal string (ticks, inode numbers and addresses exceed what a JSON number holds).</summary>
        public static ulong UnsignedText(JsonValue owner, string name)
        {
            if (!ulong.TryParse(RequiredString(owner, name), NumberStyles.None, CultureInfo.InvariantCulture, out ulong parsed))
            {
                throw new FormatException("'" + name + "' must be a decimal number in a string");
            }

            return parsed;
        }

        public static long SignedText(JsonValue owner, string name)
        {
            if (!long.TryParse(RequiredString(owner, name), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long parsed))
            {
                throw new FormatException("'" + name + "' must be a decimal number in a string");
            }

            return parsed;
        }

        public static IReadOnlyList<JsonValue> Array(JsonValue owner, string name)
        {
            JsonValue? value = owner.Get(name);
            if (value == null || value.Kind != JsonKind.Array)
            {
                throw new FormatException("'" + name + "' must be an array");
            }

            return value.Items;
        }

        public static string[] Strings(JsonValue owner, string name)
        {
            IReadOnlyList<JsonValue> items = Array(owner, name);
            var strings = new string[items.Count];
            for (int i = 0; i < strings.Length; i++)
            {
                if (items[i].Kind != JsonKind.String)
                {
                    throw new FormatException("'" + name + "' must hold strings only");
                }

                strings[i] = items[i].StringValue;
            }

            return strings;
        }
    }
}
