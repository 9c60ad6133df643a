#!/usr/bin/env python3
"""Small SPSS system file utility used to derive test fixtures from real PSPP/ReadStat files.

  sav_tool.py dump FILE                    list the records (type, offset, sizes) and ZLIB blocks
  sav_tool.py byteswap IN OUT              rewrite a little-endian $FL2 file (uncompressed or
                                           bytecode-compressed) as the same file in big-endian order
  sav_tool.py unknown-cases IN OUT         copy IN with the header case count set to -1 (and any
                                           64-bit case count record removed from use: set to -1)

No program we have writes big-endian system files (PSPP, ReadStat and haven write the machine's
order), so the big-endian fixtures are made by 'byteswap' from PSPP output: every int32, int64 and
flt64 field in the header, dictionary records and data is reversed, strings and compression
command bytes are kept, and the machine integer info record's endianness field is set to 1 (big).
Written from the PSPP manual's "System File Format" appendix; Python 3 standard library only.
"""
import struct
import sys
import zlib


class Sav:
    def __init__(self, data):
        self.d = data
        if data[:4] not in (b"$FL2", b"$FL3"):
            raise SystemExit("not an SPSS system file")
        layout = struct.unpack_from("<i", data, 64)[0]
        if layout not in (2, 3):
            raise SystemExit("only little-endian input is supported")
        self.records = []  # (type, offset, end, info)
        self.var_types = []  # per 8-byte element: 'n' or 's'
        self.parse()

    def i32(self, o):
        return struct.unpack_from("<i", self.d, o)[0]

    def parse(self):
        d = self.d
        self.ncases_ofs = 80
        o = 176
        while True:
            t = self.i32(o)
            start = o
            if t == 2:
                typ, has_label, n_miss = struct.unpack_from("<iii", d, o + 4)
                o += 32
                if has_label:
                    ln = self.i32(o)
                    o += 4 + (ln + 3) // 4 * 4
                o += abs(n_miss) * 8
                self.var_types.append("n" if typ == 0 else "s")
                self.records.append((2, start, o, {"type": typ, "n_missing": n_miss}))
            elif t == 3:
                n = self.i32(o + 4)
                o += 8
                for _ in range(n):
                    ln = d[o + 8]
                    o += 8 + (ln + 1 + 7) // 8 * 8
                self.records.append((3, start, o, {"labels": n}))
            elif t == 4:
                n = self.i32(o + 4)
                o += 8 + 4 * n
                self.records.append((4, start, o, {"vars": n}))
            elif t == 6:
                n = self.i32(o + 4)
                o += 8 + 80 * n
                self.records.append((6, start, o, {"lines": n}))
            elif t == 7:
                sub, size, count = struct.unpack_from("<iii", d, o + 4)
                o += 16 + size * count
                self.records.append((7, start, o, {"subtype": sub, "size": size, "count": count}))
            elif t == 999:
                o += 8
                self.records.append((999, start, o, {}))
                break
            else:
                raise SystemExit("unknown record type %d at %d" % (t, o))
        self.data_ofs = o


def dump(path):
    s = Sav(open(path, "rb").read())
    d = s.d
    print("magic", d[:4], "product", d[4:64].decode("latin-1").rstrip())
    print("layout %d nominal_case_size %d compression %d weight %d ncases %d bias %g" % (
        struct.unpack_from("<iiiii", d, 64) + struct.unpack_from("<d", d, 84)))
    for t, a, b, info in s.records:
        print("record %3d at %6d..%6d %s" % (t, a, b, info))
    print("data at", s.data_ofs, "file length", len(d))
    if d[:4] == b"$FL3":
        zh, zt, zl = struct.unpack_from("<qqq", d, s.data_ofs)
        print("zheader_ofs %d ztrailer_ofs %d ztrailer_len %d" % (zh, zt, zl))
        bias, zero, bsize, nblocks = struct.unpack_from("<qqii", d, zt)
        print("trailer bias %d zero %d block_size %d n_blocks %d" % (bias, zero, bsize, nblocks))
        for k in range(nblocks):
            uo, co, us, cs = struct.unpack_from("<qqii", d, zt + 24 + 24 * k)
            print("  block %d: uncompressed_ofs %d compressed_ofs %d uncompressed_size %d compressed_size %d"
                  % (k, uo, co, us, cs))
            assert len(zlib.decompress(d[co:co + cs])) == us


def swap_words(buf, o, n, size):
    for k in range(n):
        p = o + k * size
        buf[p:p + size] = buf[p:p + size][::-1]


def byteswap(src, dst):
    s = Sav(open(src, "rb").read())
    b = bytearray(s.d)
    if b[:4] != b"$FL2":
        raise SystemExit("byteswap handles $FL2 files only")
    swap_words(b, 64, 5, 4)
    swap_words(b, 84, 1, 8)
    compression = s.i32(72)
    elem = 0
    for idx, (t, a, e, info) in enumerate(s.records):
        if t == 2:
            swap_words(b, a, 8, 4)  # rec_type..write format (6 ints) are 24 bytes; name follows
            # undo: only 6 int32 fields precede the 8-byte name
            swap_words(b, a + 24, 2, 4)
            o = a + 32
            if s.i32(a + 8):
                ln = s.i32(o)
                swap_words(b, o, 1, 4)
                o += 4 + (ln + 3) // 4 * 4
            if info["type"] == 0:
                swap_words(b, o, abs(info["n_missing"]), 8)
            elem += 1
        elif t == 3:
            nxt = s.records[idx + 1]
            first_var = s.i32(nxt[1] + 8) - 1
            numeric = s.var_types[first_var] == "n"
            swap_words(b, a, 2, 4)
            o = a + 8
            for _ in range(info["labels"]):
                if numeric:
                    swap_words(b, o, 1, 8)
                o += 8 + (s.d[o + 8] + 1 + 7) // 8 * 8
        elif t == 4:
            swap_words(b, a, 2 + info["vars"], 4)
        elif t == 6:
            swap_words(b, a, 2, 4)
        elif t == 7:
            sub, size, count = info["subtype"], info["size"], info["count"]
            swap_words(b, a, 4, 4)
            body = a + 16
            if sub == 3:
                b[body + 24:body + 28] = struct.pack("<i", 1)  # endianness: big
                swap_words(b, body, count, 4)
            elif sub in (4, 16):
                swap_words(b, body, count, 8)
            elif sub == 11:
                swap_words(b, body, count, 4)
            elif sub == 21:
                o, end = body, body + count
                while o < end:
                    nl = s.i32(o); swap_words(b, o, 1, 4); o += 4 + nl
                    swap_words(b, o, 2, 4); nlab = s.i32(o + 4); o += 8
                    for _ in range(nlab):
                        vl = s.i32(o); swap_words(b, o, 1, 4); o += 4 + vl
                        ll = s.i32(o); swap_words(b, o, 1, 4); o += 4 + ll
            elif sub == 22:
                o, end = body, body + count
                while o < end:
                    nl = s.i32(o); swap_words(b, o, 1, 4); o += 4 + nl
                    nmiss = s.d[o]; o += 1
                    vl = s.i32(o); swap_words(b, o, 1, 4); o += 4 + vl * nmiss
            elif size in (4, 8):
                swap_words(b, body, count, size)
        elif t == 999:
            swap_words(b, a, 2, 4)
    o = s.data_ofs
    types = s.var_types
    if compression == 0:
        while o + 8 * len(types) <= len(b):
            for ty in types:
                if ty == "n":
                    swap_words(b, o, 1, 8)
                o += 8
    else:
        k = 0
        while o + 8 <= len(b):
            codes = b[o:o + 8]
            o += 8
            for c in codes:
                if c == 253:
                    if types[k % len(types)] == "n":
                        swap_words(b, o, 1, 8)
                    o += 8
                if c != 0 and c != 252:
                    k += 1
    open(dst, "wb").write(bytes(b))


def unknown_cases(src, dst):
    s = Sav(open(src, "rb").read())
    b = bytearray(s.d)
    b[80:84] = struct.pack("<i", -1)
    for t, a, e, info in s.records:
        if t == 7 and info["subtype"] == 16:
            b[a + 24:a + 32] = struct.pack("<q", -1)
    open(dst, "wb").write(bytes(b))


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "dump":
        dump(sys.argv[2])
    elif cmd == "byteswap":
        byteswap(sys.argv[2], sys.argv[3])
    elif cmd == "unknown-cases":
        unknown_cases(sys.argv[2], sys.argv[3])
    else:
        raise SystemExit(__doc__)
