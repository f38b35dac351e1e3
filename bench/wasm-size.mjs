// Where the bytes of a wasm module are: its sections, and (when the module has a
// `name` section, as cargo's output before wasm-bindgen and wasm-opt does) the
// code bytes per crate, from each function's mangled name. Node built-ins only.

function reader(buf) {
  let pos = 0;
  const r = {
    get pos() {
      return pos;
    },
    set pos(p) {
      pos = p;
    },
    byte: () => buf[pos++],
    u32() {
      let result = 0;
      let shift = 0;
      for (;;) {
        const b = buf[pos++];
        result += (b & 0x7f) * 2 ** shift;
        if (!(b & 0x80)) return result;
        shift += 7;
      }
    },
    name() {
      const len = r.u32();
      const s = buf.subarray(pos, pos + len).toString('utf8');
      pos += len;
      return s;
    },
  };
  return r;
}

const SECTION_NAMES = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'data count', 'tag'];

/** [{ name, bytes }] for every section, custom sections as `custom:<name>`. */
export function wasmSections(buf) {
  const r = reader(buf);
  r.pos = 8;
  const out = [];
  while (r.pos < buf.length) {
    const id = r.byte();
    const size = r.u32();
    const start = r.pos;
    let name = SECTION_NAMES[id] ?? `section ${id}`;
    if (id === 0) name = `custom:${r.name()}`;
    out.push({ name, bytes: size });
    r.pos = start + size;
  }
  return out;
}

/** The crate of a v0-mangled (`_R…`) symbol, roughly: its first crate root (`C`, an
 * optional disambiguator `s…_`, then the length-prefixed name). A std rebuilt with
 * `-Z build-std` (the release build) is mangled this way. */
function crateOfV0(symbol) {
  const m = /C(?:s[0-9A-Za-z]*_)?(\d+)([A-Za-z_][A-Za-z0-9_]*)/.exec(symbol);
  return m ? m[2].slice(0, Number(m[1])) : '(other)';
}

/** The crate a legacy-mangled (`_ZN…E`) or v0-mangled (`_R…`) Rust symbol belongs to, roughly. */
function crateOf(symbol) {
  if (!symbol) return '(unnamed)';
  if (symbol.startsWith('_R')) return crateOfV0(symbol);
  if (!symbol.startsWith('_ZN')) return symbol.startsWith('__wbg') || symbol.startsWith('__wbindgen') ? 'wasm_bindgen (glue)' : '(other: C/runtime)';
  const m = /^_ZN(\d+)/.exec(symbol);
  if (!m) return '(other)';
  const len = Number(m[1]);
  const first = symbol.slice(3 + m[1].length, 3 + m[1].length + len);
  if (!first.startsWith('_$LT$')) return first;
  // `<Type as Trait>::f`: the crate of the type, or of the trait when the type is
  // a bare generic parameter (`<T as tachys::view::Render>`).
  const blanket = /^_\$LT\$[A-Z][A-Za-z0-9]{0,2}\$u20\$as\$u20\$([A-Za-z_][A-Za-z0-9_]*)/.exec(first);
  if (blanket) return blanket[1];
  const inner = /^_\$LT\$(?:\$RF\$|\$BP\$|mut\$u20\$|dyn\$u20\$|\$u5b\$|\$LP\$)*([A-Za-z_][A-Za-z0-9_]*)/.exec(first);
  return inner ? inner[1] : '(impl)';
}

/** Code bytes per crate, largest first: [{ crate, bytes, functions }], or null without a name section. */
export function codeByCrate(buf) {
  const r = reader(buf);
  r.pos = 8;
  let imported = 0;
  let bodies = null;
  let names = null;
  while (r.pos < buf.length) {
    const id = r.byte();
    const size = r.u32();
    const start = r.pos;
    if (id === 2) {
      const n = r.u32();
      for (let i = 0; i < n; i++) {
        r.name();
        r.name();
        const kind = r.byte();
        if (kind === 0) {
          r.u32();
          imported++;
        } else if (kind === 1) {
          r.byte();
          const flags = r.u32();
          r.u32();
          if (flags & 1) r.u32();
        } else if (kind === 2) {
          const flags = r.u32();
          r.u32();
          if (flags & 1) r.u32();
        } else if (kind === 3) {
          r.byte();
          r.byte();
        } else if (kind === 4) {
          r.byte();
          r.u32();
        }
      }
    } else if (id === 10) {
      const n = r.u32();
      bodies = [];
      for (let i = 0; i < n; i++) {
        const len = r.u32();
        bodies.push(len);
        r.pos += len;
      }
    } else if (id === 0 && r.name() === 'name') {
      names = new Map();
      while (r.pos < start + size) {
        const sub = r.byte();
        const subSize = r.u32();
        const subStart = r.pos;
        if (sub === 1) {
          const n = r.u32();
          for (let i = 0; i < n; i++) {
            const index = r.u32();
            names.set(index, r.name());
          }
        }
        r.pos = subStart + subSize;
      }
    }
    r.pos = start + size;
  }
  if (!bodies || !names) return null;
  const byCrate = new Map();
  bodies.forEach((len, i) => {
    const crate = crateOf(names.get(imported + i));
    const e = byCrate.get(crate) ?? { crate, bytes: 0, functions: 0 };
    e.bytes += len;
    e.functions += 1;
    byCrate.set(crate, e);
  });
  return [...byCrate.values()].sort((a, b) => b.bytes - a.bytes);
}
