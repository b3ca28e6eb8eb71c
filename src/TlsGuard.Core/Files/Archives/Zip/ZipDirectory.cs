using System;
using System.Collections.Generic;
using System.Text;
using TlsGuard.Core.Elf.IO;
using TlsGuard.Core.Files.Archives.Content;

namespace TlsGuard.Core.Files.Archives.Zip
{
    /// <summary>
    /// Reads a zip's central directory (PKWARE APPNOTE.TXT 6.3: 4.3.16 end of central directory, 4.3.14/4.3.15 zip64
    /// record and locator, 4.3.12 file headers, 4.5.3 zip64 extra field) and each member's local header (4.3.7), which
    /// must name the same member. Data in front of the archive (self-extracting stubs) is allowed for, as Info-ZIP does.
    /// Split archives are refused. Member data is not touched here.
    /// </summary>
    internal static class ZipDirectory
    {
        private static readonly LittleEndianOrder LittleEndian = default;

        private const uint EndSignature = 0x06054b50;
        private const uint Zip64EndSignature = 0x06064b50;
        private const uint Zip64LocatorSignature = 0x07064b50;
        private const uint FileHeaderSignature = 0x02014b50;
        private const uint LocalHeaderSignature = 0x04034b50;
        private const int EndSize = 22;
        private const int FileHeaderSize = 46;
        private const int LocalHeaderSize = 30;

        /// <summary>The members in directory order; problems with one member's local header are set on it, not thrown.</summary>
        /// <exception cref="ArchiveFormatException">No readable central directory.</exception>
        public static List<ZipRecord> Read(SharedByteSource zip, ArchiveLimits limits, out long directoryStart)
        {
            long endAt = FindEnd(zip, out byte[] end);
            long entries = LittleEndian.U16(end, 10);
            long directorySize = LittleEndian.U32(end, 12);
            long directoryOffset = LittleEndian.U32(end, 16);
            if (LittleEndian.U16(end, 4) != 0 || LittleEndian.U16(end, 6) != 0)
            {
                throw new ArchiveFormatException("a split (multi-disk) zip archive: not supported");
            }

            long recordsEnd = endAt;
            if (entries == 0xFFFF || directorySize == 0xFFFFFFFF || directoryOffset == 0xFFFFFFFF)
            {
                recordsEnd = ReadZip64End(zip, endAt, ref entries, ref directorySize, ref directoryOffset);
            }

            // Bytes in front of the archive shift every offset it records (a self-extracting stub, Info-ZIP's "extra bytes").
            long shift = recordsEnd - directorySize - directoryOffset;
            if (shift < 0 || directorySize > recordsEnd)
            {
                throw new ArchiveFormatException("the zip central directory lies outside the file (corrupt or truncated)");
            }

            if (entries > limits.MaxEntries)
            {
                throw new ArchiveFormatException("the zip declares " + entries + " members, more than the " + limits.MaxEntries + " allowed");
            }

            directoryStart = directoryOffset + shift;
            var records = ReadRecords(zip, directoryStart, directorySize, entries, shift, limits);
            return records;
        }

        /// <summary>Reads the local header: the data offset, or why the member cannot be read.</summary>
        public static string? LocateData(SharedByteSource zip, ZipRecord record)
        {
            var header = new byte[LocalHeaderSize];
            if (record.LocalHeaderOffset < 0 || zip.ReadFully(record.LocalHeaderOffset, header, 0, header.Length) < header.Length
                || LittleEndian.U32(header, 0) != LocalHeaderSignature)
            {
                return "its local header is missing or corrupt";
            }

            int nameLength = LittleEndian.U16(header, 26);
            int extraLength = LittleEndian.U16(header, 28);
            var name = new byte[nameLength];
            if (zip.ReadFully(record.LocalHeaderOffset + LocalHeaderSize, name, 0, nameLength) < nameLength)
            {
                return "its local header is truncated";
            }

            var localName = Encoding.UTF8.GetString(name);
            if (!string.Equals(localName, record.Name, StringComparison.Ordinal))
            {
                return "its local header names '" + localName + "', not the central directory's name: readers would disagree on its contents";
            }

            record.DataStart = record.LocalHeaderOffset + LocalHeaderSize + nameLength + extraLength;
            if (record.CompressedSize > zip.Length - record.DataStart)
            {
                return "its " + record.CompressedSize + " bytes of data extend past the end of the archive (truncated)";
            }

            return null;
        }

        private static long FindEnd(SharedByteSource zip, out byte[] end)
        {
            int tailLength = (int)Math.Min(zip.Length, EndSize + 0xFFFF);
            var tail = new byte[tailLength];
            long tailStart = zip.Length - tailLength;
            zip.ReadFully(tailStart, tail, 0, tailLength);
            int fallback = -1;
            for (int i = tailLength - EndSize; i >= 0; i--)
            {
                if (LittleEndian.U32(tail, i) != EndSignature)
                {
                    continue;
                }

                int commentLength = LittleEndian.U16(tail, i + 20);
                if (i + EndSize + commentLength == tailLength)
                {
                    fallback = i;
                    break;
                }

                if (fallback < 0 && i + EndSize + commentLength <= tailLength)
                {
                    fallback = i;
                }
            }

            if (fallback < 0)
            {
                throw new ArchiveFormatException("no zip end-of-central-directory record (truncated, or not a zip archive)");
            }

            end = new byte[EndSize];
            Buffer.BlockCopy(tail, fallback, end, 0, EndSize);
            return tailStart + fallback;
        }

        private static long ReadZip64End(SharedByteSource zip, long endAt, ref long entries, ref long directorySize, ref long directoryOffset)
        {
            var locator = new byte[20];
            if (endAt < locator.Length || zip.ReadFully(endAt - locator.Length, locator, 0, locator.Length) < locator.Length
                || LittleEndian.U32(locator, 0) != Zip64LocatorSignature)
            {
                throw new ArchiveFormatException("the zip needs a zip64 end record but has no zip64 locator (corrupt)");
            }

            long recordAt = (long)LittleEndian.U64(locator, 8);
            var record = new byte[56];
            long expectedAt = endAt - locator.Length - record.Length;
            if (recordAt < 0 || recordAt > expectedAt)
            {
                recordAt = expectedAt;
            }

            if (zip.ReadFully(recordAt, record, 0, record.Length) < record.Length || LittleEndian.U32(record, 0) != Zip64EndSignature)
            {
                // Prepended data moves the record; it sits right before the locator in every zip64 writer's output.
                recordAt = expectedAt;
                if (recordAt < 0 || zip.ReadFully(recordAt, record, 0, record.Length) < record.Length || LittleEndian.U32(record, 0) != Zip64EndSignature)
                {
                    throw new ArchiveFormatException("the zip64 end-of-central-directory record is missing or corrupt");
                }
            }

            ulong count = LittleEndian.U64(record, 32);
            ulong size = LittleEndian.U64(record, 40);
            ulong offset = LittleEndian.U64(record, 48);
            if (count > long.MaxValue || size > long.MaxValue || offset > long.MaxValue)
            {
                throw new ArchiveFormatException("the zip64 end record holds impossible sizes");
            }

            entries = (long)count;
            directorySize = (long)size;
            directoryOffset = (long)offset;
            return recordAt;
        }

        private static List<ZipRecord> ReadRecords(SharedByteSource zip, long start, long size, long entries, long shift, ArchiveLimits limits)
        {
            var records = new List<ZipRecord>((int)Math.Min(entries, 65536));
            var header = new byte[FileHeaderSize];
            long at = start;
            long end = start + size;
            for (long i = 0; i < entries; i++)
            {
                if (end - at < FileHeaderSize || zip.ReadFully(at, header, 0, FileHeaderSize) < FileHeaderSize
                    || LittleEndian.U32(header, 0) != FileHeaderSignature)
                {
                    throw new ArchiveFormatException("zip central directory record " + (i + 1) + " of " + entries + " is corrupt or missing");
                }

                int nameLength = LittleEndian.U16(header, 28);
                int extraLength = LittleEndian.U16(header, 30);
                int commentLength = LittleEndian.U16(header, 32);
                if (nameLength > limits.MaxPathLength)
                {
                    throw new ArchiveFormatException("zip member " + (i + 1) + " has a name longer than " + limits.MaxPathLength + " bytes");
                }

                var variable = new byte[nameLength + extraLength];
                if (end - at - FileHeaderSize < variable.Length + commentLength
                    || zip.ReadFully(at + FileHeaderSize, variable, 0, variable.Length) < variable.Length)
                {
                    throw new ArchiveFormatException("zip central directory record " + (i + 1) + " runs past the directory's end");
                }

                // Info-ZIP and .NET write names as UTF-8 (flag bit 11 or plain ASCII); Windows tools may use '\'.
                var name = Encoding.UTF8.GetString(variable, 0, nameLength);
                long compressed = LittleEndian.U32(header, 20);
                long uncompressed = LittleEndian.U32(header, 24);
                long local = LittleEndian.U32(header, 42);
                ReadZip64Extra(variable, nameLength, extraLength, ref uncompressed, ref compressed, ref local);
                records.Add(new ZipRecord(
                    name,
                    LittleEndian.U16(header, 4),
                    LittleEndian.U16(header, 8),
                    LittleEndian.U16(header, 10),
                    LittleEndian.U32(header, 16),
                    compressed,
                    uncompressed,
                    local + shift,
                    LittleEndian.U32(header, 38)));
                at += FileHeaderSize + variable.Length + commentLength;
            }

            return records;
        }

        private static void ReadZip64Extra(byte[] variable, int start, int length, ref long uncompressed, ref long compressed, ref long local)
        {
            int at = start;
            int end = start + length;
            while (end - at >= 4)
            {
                int id = LittleEndian.U16(variable, at);
                int size = LittleEndian.U16(variable, at + 2);
                int data = at + 4;
                if (size > end - data)
                {
                    return;
                }

                if (id == 0x0001)
                {
                    int field = data;
                    int fieldEnd = data + size;
                    if (uncompressed == 0xFFFFFFFF && fieldEnd - field >= 8)
                    {
                        uncompressed = Widen(variable, field);
                        field += 8;
                    }

                    if (compressed == 0xFFFFFFFF && fieldEnd - field >= 8)
                    {
                        compressed = Widen(variable, field);
                        field += 8;
                    }

                    if (local == 0xFFFFFFFF && fieldEnd - field >= 8)
                    {
                        local = Widen(variable, field);
                    }

                    return;
                }

                at = data + size;
            }
        }

        private static long Widen(byte[] bytes, int at)
        {
            ulong value = LittleEndian.U64(bytes, at);
            return value > long.MaxValue ? -1 : (long)value;
        }
    }
}
