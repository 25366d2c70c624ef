#!/usr/bin/env python3
"""Marks one required symbol version of an ELF shared library as weak (VER_FLG_WEAK).

    mark_version_weak.py FILE VERSION      e.g. libLibTorchSharp.so GLIBCXX_3.4.32

The dynamic loader refuses a library whose .gnu.version_r requires a version its dependency lacks,
unless that requirement carries VER_FLG_WEAK: then a missing version is not an error. Used by
torchsharp-compat.sh; idempotent (an entry already weak is left as it is). Exit code 0 when the
entry is weak afterwards, 1 when FILE has no such requirement, 2 for a file that is not a 64-bit
little-endian ELF.
"""
import struct
import sys

VER_FLG_WEAK = 0x2
SHT_GNU_VERNEED = 0x6FFFFFFE


def main(path: str, version: str) -> int:
    with open(path, "r+b") as f:
        data = bytearray(f.read())
        if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
            print(f"{path}: not a 64-bit little-endian ELF file", file=sys.stderr)
            return 2
        shoff, = struct.unpack_from("<Q", data, 0x28)
        shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
        sections = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
        for name, kind, flags, addr, offset, size, link, info, align, entsize in sections:
            if kind != SHT_GNU_VERNEED:
                continue
            strtab = sections[link][4]  # sh_offset of the linked string table (.dynstr)
            verneed = offset
            for _ in range(info):  # sh_info = number of Verneed entries
                vn_version, vn_cnt, vn_file, vn_aux, vn_next = struct.unpack_from("<HHIII", data, verneed)
                aux = verneed + vn_aux
                for _ in range(vn_cnt):
                    vna_hash, vna_flags, vna_other, vna_name, vna_next = struct.unpack_from("<IHHII", data, aux)
                    end = data.index(b"\0", strtab + vna_name)
                    if data[strtab + vna_name:end].decode() == version:
                        if not vna_flags & VER_FLG_WEAK:
                            struct.pack_into("<H", data, aux + 4, vna_flags | VER_FLG_WEAK)
                            f.seek(0)
                            f.write(data)
                        return 0
                    aux += vna_next
                verneed += vn_next
    print(f"{path}: requires no symbol version {version}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
