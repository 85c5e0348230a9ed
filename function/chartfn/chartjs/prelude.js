// Evaluated once in every fresh sandbox context, after intl.js and before any config text.
// Returns the dispatcher, the only way in from Python; it is never stored where config code
// can reach it. Everything it uses is captured here, before config code can replace a builtin.
//
// Why each hardening step (each was a hang or a leak when probed, see notes/i11-sandbox.md):
// - the binding turns an exception that escapes into text by calling its toString/stack
//   OUTSIDE the time limit, so the dispatcher catches everything it can, and the Error
//   machinery is frozen so that the uncatchable ones (interrupt, out of memory) convert safely;
// - some Array builtins loop over `length` in C without checking for interrupts
//   (`new Array(1e8).join()` takes seconds, 2**32-1 minutes), so they refuse huge lengths;
// - Atomics.wait blocks; SharedArrayBuffer, WeakRef and FinalizationRegistry are not needed.
(function () {
  'use strict';
  const G = globalThis;
  const apply = Reflect.apply;
  const ownKeys = Object.keys;
  const getProto = Object.getPrototypeOf;
  const setProto = Object.setPrototypeOf;
  const defineProperty = Object.defineProperty;
  const freeze = Object.freeze;
  const isArray = Array.isArray;
  const ObjectProto = Object.prototype;
  const objectToString = Object.prototype.toString;
  const functionToString = Function.prototype.toString;
  const dateGetTime = Date.prototype.getTime;
  const dateToISOString = Date.prototype.toISOString;
  const isView = ArrayBuffer.isView;
  const typedArrayLength = Object.getOwnPropertyDescriptor(
    Object.getPrototypeOf(Int8Array.prototype), 'length').get;
  const stringify = JSON.stringify;
  const parseJSON = JSON.parse;
  const numberIsFinite = Number.isFinite;
  const numberIsInteger = Number.isInteger;
  const StringCtor = String;
  const MapCtor = Map;
  const mapGet = Map.prototype.get;
  const mapSet = Map.prototype.set;
  const FunctionCtor = Function;
  const stringSlice = String.prototype.slice;
  const intlNumberFormat = G.Intl.NumberFormat;

  // Longest array-like the uninterruptible builtins accept: 2e6 elements take well under a
  // second even on holes, and a config's result is capped far lower anyway.
  const MAX_BUILTIN_LENGTH = 2000000;

  function nullArray() {
    const a = [];
    setProto(a, null);
    return a;
  }

  // --- hardening -------------------------------------------------------------------------
  for (const name of ['Atomics', 'SharedArrayBuffer', 'WeakRef', 'FinalizationRegistry']) {
    delete G[name];
  }
  const errorTypes = [Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError,
    URIError, G.InternalError, G.AggregateError, G.SuppressedError];
  defineProperty(Error.prototype, Symbol.toPrimitive, { value: undefined });
  for (const E of errorTypes) {
    if (typeof E !== 'function') continue;
    freeze(E.prototype);
    freeze(E);
  }

  function checkLength(o, name) {
    if (o === null || o === undefined) return;
    const length = Object(o).length;
    if (length > MAX_BUILTIN_LENGTH) {
      throw new RangeError('Array.prototype.' + name + ': length ' + length +
        ' is over the sandbox limit of ' + MAX_BUILTIN_LENGTH);
    }
  }
  function checkNested(o, depth, name) {
    checkLength(o, name);
    if (depth < 1 || o === null || o === undefined) return;
    const n = Object(o).length >>> 0;
    for (let i = 0; i < n; i += 1) {
      const item = o[i];
      if (isArray(item)) checkNested(item, depth - 1, name);
    }
  }
  const AP = Array.prototype;
  for (const name of Object.getOwnPropertyNames(AP)) {
    if (name === 'constructor' || name === 'length' || name === 'values' || name === 'keys' ||
      name === 'entries' || name === 'at' || name === 'pop' || name === 'push') continue;
    const native = AP[name];
    if (typeof native !== 'function') continue;
    let wrapped;
    if (name === 'concat') {
      wrapped = function concat(...args) {
        checkLength(this, name);
        for (const a of args) if (isArray(a)) checkLength(a, name);
        return apply(native, this, args);
      };
    } else if (name === 'flat') {
      wrapped = function flat(depth) {
        checkNested(this, depth === undefined ? 1 : Math.min(Number(depth) || 0, 64), name);
        return apply(native, this, arguments);
      };
    } else if (name === 'flatMap') {
      wrapped = function flatMap(callback, thisArg) {
        checkLength(this, name);
        // the callback's results are flattened by C too: flatten in JS, interruptibly
        const out = [];
        const n = Object(this).length >>> 0;
        for (let i = 0; i < n; i += 1) {
          if (!(i in Object(this))) continue;
          const r = apply(callback, thisArg, [this[i], i, this]);
          if (isArray(r)) {
            checkLength(r, name);
            for (let j = 0; j < r.length; j += 1) if (j in r) out[out.length] = r[j];
          } else {
            out[out.length] = r;
          }
        }
        return out;
      };
    } else {
      wrapped = { [name](...args) { checkLength(this, name); return apply(native, this, args); } }[name];
    }
    defineProperty(AP, name, { value: wrapped, writable: true, configurable: true, enumerable: false });
  }

  // Typed arrays copy an array-like argument in C without checking for interrupts (measured:
  // `new Uint8Array({length: 6e7})` ran 2.7 s past a 1 s budget): the same length cap.
  const TypedArray = getProto(Int8Array);
  function checkSource(source, name) {
    if (source !== null && typeof source === 'object' && !(source instanceof ArrayBuffer)) {
      const length = source.length;
      if (length > MAX_BUILTIN_LENGTH) {
        throw new RangeError(name + ': length ' + length + ' is over the sandbox limit of ' +
          MAX_BUILTIN_LENGTH);
      }
    }
  }
  const typedFrom = TypedArray.from;
  defineProperty(TypedArray, 'from', {
    value: function from(source, ...rest) {
      checkSource(source, 'TypedArray.from');
      return apply(typedFrom, this, [source, ...rest]);
    },
    writable: true, configurable: true,
  });
  const typedSet = TypedArray.prototype.set;
  defineProperty(TypedArray.prototype, 'set', {
    value: function set(source, offset) {
      checkSource(source, 'TypedArray.prototype.set');
      return apply(typedSet, this, [source, offset]);
    },
    writable: true, configurable: true,
  });
  for (const name of ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array',
    'Int32Array', 'Uint32Array', 'Float16Array', 'Float32Array', 'Float64Array', 'BigInt64Array',
    'BigUint64Array']) {
    const Native = G[name];
    if (typeof Native !== 'function') continue;
    const guarded = new Proxy(Native, {
      construct(target, args, newTarget) {
        checkSource(args[0], name);
        return Reflect.construct(target, args, newTarget === guarded ? target : newTarget);
      },
    });
    defineProperty(Native.prototype, 'constructor', { value: guarded, writable: true, configurable: true });
    defineProperty(G, name, { value: guarded, writable: true, configurable: true });
  }

  // --- QuickChart's helpers, as markers the drawing side reads -----------------------------
  // getGradientFill(colorOptions, linearGradient = [0, 0, width, 0]): coordinates in CSS px of
  // the chart; 'width' and 'height' stand for the chart's size, which is not known here.
  function getGradientFill(colorOptions, linearGradient) {
    if (!isArray(colorOptions)) {
      throw new TypeError('getGradientFill(colorOptions, linearGradient): colorOptions must be ' +
        'an array of {offset, color}');
    }
    const coords = linearGradient === undefined ? [0, 0, 'width', 0] : linearGradient;
    if (!isArray(coords) || coords.length !== 4) {
      throw new TypeError('getGradientFill: linearGradient must be [x0, y0, x1, y1]');
    }
    return {
      $gradient: {
        type: 'linear',
        stops: colorOptions.map((o) => ({ offset: Number(o.offset), color: StringCtor(o.color) })),
        coords: coords.slice(),
      },
    };
  }
  function getGradientFillHelper(direction, colors, dimensions) {
    if (!isArray(colors)) {
      throw new TypeError('getGradientFillHelper(direction, colors, dimensions): colors must be ' +
        'an array of colours');
    }
    const dims = dimensions || {};
    const width = dims.width || 'width';
    const height = dims.height || 'height';
    const stops = colors.map((color, idx) => ({
      color, offset: idx / (colors.length - 1 || 1),
    }));
    let coords = [0, 0, width, 0];
    if (direction === 'vertical') coords = [0, 0, 0, height];
    else if (direction === 'both') coords = [0, 0, width, height];
    return getGradientFill(stops, coords);
  }
  const pattern = {
    draw(shapeType, backgroundColor, patternColor, requestedSize) {
      return {
        $pattern: {
          shape: shapeType === undefined ? null : StringCtor(shapeType),
          backgroundColor: backgroundColor === undefined ? null : backgroundColor,
          patternColor: patternColor === undefined ? null : patternColor,
          size: Math.min(200, requestedSize) || 20,
        },
      };
    },
  };
  function noNetwork(name) {
    return function () {
      throw new Error(name + ' is not available: chartfn fetches no URLs (no network access ' +
        'from the function); use a colour, getGradientFill, getGradientFillHelper or pattern.draw');
    };
  }
  const getImageFill = noNetwork('getImageFill');
  const loadImage = noNetwork('loadImage');
  const Chart = {};
  const HELPER_NAMES = ['getGradientFill', 'getGradientFillHelper', 'pattern', 'Chart',
    'getImageFill', 'loadImage'];
  const HELPERS = [getGradientFill, getGradientFillHelper, pattern, Chart, getImageFill, loadImage];

  // --- Errors, as text, without ever running config code outside the time limit ------------
  function describe(e) {
    try {
      if (e === null || (typeof e !== 'object' && typeof e !== 'function')) {
        return typeof e === 'symbol' ? 'a Symbol' : StringCtor(e);
      }
      const name = e.name;
      const message = e.message;
      const n = typeof name === 'string' && name ? name : 'Error';
      const m = typeof message === 'string' ? message : '';
      return m ? n + ': ' + m : n;
    } catch (_) {
      return 'an exception that cannot be described';
    }
  }
  function clip(text) {
    return text.length > 300 ? apply(stringSlice, text, [0, 300]) + '…' : text;
  }
  function Fault(message) {
    this.fault = message;
  }

  // --- the result, as a tree of null-prototype objects, functions replaced by markers -------
  // Hot path: a config with 60,000 {x, y} points visits 180,000 values, so no exceptions,
  // no per-value path strings (the path is built from a key stack only for a message) and a
  // linear scan of the ancestors (at most maxDepth) for cycles.
  const DateProto = Date.prototype;
  function pathText(path) {
    return path === '' ? 'the config' : path;
  }
  function childPath(path, key) {
    if (typeof key === 'number') return path + '[' + key + ']';
    return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? (path ? path + '.' + key : key)
      : path + '[' + stringify(key) + ']';
  }
  function convert(root, state, limits) {
    let nodes = 0;
    let chars = 0;
    const keyStack = nullArray();
    const ancestors = nullArray();
    let depth = 0;
    const UNDEFINED = {};
    function here() {
      let path = '';
      for (let i = 0; i < depth; i += 1) path = childPath(path, keyStack[i]);
      return pathText(path);
    }
    function fault(message) {
      return new Fault(message);
    }
    function visit(v) {
      nodes += 1;
      if (nodes > limits.maxNodes) {
        throw fault('the config has more than ' + limits.maxNodes + ' values (arrays and ' +
          'objects count each element)');
      }
      switch (typeof v) {
        case 'number':
        case 'boolean':
          return v;
        case 'string':
          chars += v.length;
          if (chars > limits.maxChars) {
            throw fault('the config holds more than ' + limits.maxChars + ' characters of text');
          }
          return v;
        case 'undefined':
          return UNDEFINED;
        case 'function': {
          const marker = functionMarker(v, state);
          chars += marker[state.nonce][1].length;
          if (chars > limits.maxChars) {
            throw fault('the config holds more than ' + limits.maxChars + ' characters of text');
          }
          return marker;
        }
        case 'symbol':
          throw fault(here() + ' is a Symbol (allowed: objects, arrays, strings, numbers, ' +
            'booleans, null, functions, Dates)');
        case 'bigint':
          throw fault(here() + ' is a BigInt (allowed: ordinary numbers)');
        default:
          break;
      }
      if (v === null) return null;
      if (depth >= limits.maxDepth) {
        throw fault(here() + ' is nested deeper than ' + limits.maxDepth + ' levels');
      }
      for (let i = 0; i < depth; i += 1) {
        if (ancestors[i] === v) {
          throw fault(here() + ' refers back to an object that contains it (a cyclic ' +
            'structure cannot be a chart config)');
        }
      }
      let out;
      if (isArray(v)) {
        const length = v.length;
        if (length > limits.maxNodes) {
          throw fault(here() + ' has ' + length + ' elements (at most ' + limits.maxNodes +
            ' values in a config)');
        }
        ancestors[depth] = v;
        depth += 1;
        out = nullArray();
        for (let i = 0; i < length; i += 1) {
          const item = v[i];
          if (typeof item === 'number') { // data arrays: no call per number
            nodes += 1;
            out[i] = item;
            continue;
          }
          keyStack[depth - 1] = i;
          const converted = visit(item);
          out[i] = converted === UNDEFINED ? null : converted;
        }
        if (nodes > limits.maxNodes) {
          throw fault('the config has more than ' + limits.maxNodes + ' values (arrays and ' +
            'objects count each element)');
        }
        depth -= 1;
        return out;
      }
      const proto = getProto(v);
      if (proto !== ObjectProto && proto !== null) {
        if (proto === DateProto) {
          let time;
          try {
            time = apply(dateGetTime, v, []);
          } catch (_) {
            throw fault(here() + ' is not a real Date');
          }
          return numberIsFinite(time) ? apply(dateToISOString, v, []) : null;
        }
        if (isView(v)) {
          let length;
          try {
            length = apply(typedArrayLength, v, []);
          } catch (_) {
            throw fault(here() + ' is a DataView (allowed: arrays and typed arrays)');
          }
          if (nodes + length > limits.maxNodes) {
            throw fault(here() + ' has ' + length + ' elements (at most ' + limits.maxNodes +
              ' values in a config)');
          }
          ancestors[depth] = v;
          depth += 1;
          out = nullArray();
          for (let i = 0; i < length; i += 1) {
            keyStack[depth - 1] = i;
            out[i] = visit(v[i]);
          }
          depth -= 1;
          return out;
        }
        const tag = apply(objectToString, v, []);
        if (tag !== '[object Object]') {
          throw fault(here() + ' is a ' + apply(stringSlice, tag, [8, -1]) +
            ' (allowed: objects, arrays, strings, numbers, booleans, null, functions, Dates)');
        }
      }
      ancestors[depth] = v;
      depth += 1;
      out = { __proto__: null };
      const keys = ownKeys(v);
      for (let i = 0; i < keys.length; i += 1) {
        const key = keys[i];
        // in JS `__proto__` in a literal sets the prototype: it is never data
        if (key === '__proto__') continue;
        chars += key.length;
        const item = v[key];
        if (typeof item === 'number') { // {x, y} points: no call per number
          nodes += 1;
          out[key] = item;
          continue;
        }
        keyStack[depth - 1] = key;
        const converted = visit(item);
        if (converted !== UNDEFINED) out[key] = converted;
      }
      if (nodes > limits.maxNodes) {
        throw fault('the config has more than ' + limits.maxNodes + ' values (arrays and ' +
          'objects count each element)');
      }
      depth -= 1;
      return out;
    }
    const tree = visit(root);
    return tree === UNDEFINED ? null : tree;
  }

  function functionMarker(fn, state) {
    let ref = apply(mapGet, state.refs, [fn]);
    if (ref === undefined) {
      ref = state.fns.length;
      state.fns[ref] = fn;
      state.sources[ref] = apply(functionToString, fn, []);
      apply(mapSet, state.refs, [fn, ref]);
    }
    const marker = { __proto__: null };
    const entry = nullArray();
    entry[0] = ref;
    entry[1] = state.sources[ref];
    marker[state.nonce] = entry;
    return marker;
  }

  // --- Python -> JS values for callback arguments (trusted: our own code builds them) -------
  function makeScale(spec) {
    const scale = {};
    const props = spec.properties || {};
    for (const key of ownKeys(props)) scale[key] = props[key];
    const labels = spec.labels;
    scale.getLabels = function () { return labels ? labels.slice() : []; };
    scale.getLabelForValue = function (value) {
      if (labels && numberIsInteger(value) && value >= 0 && value < labels.length) {
        return labels[value];
      }
      return typeof value === 'number' ? new intlNumberFormat('en-US').format(value) : StringCtor(value);
    };
    return scale;
  }
  function revive(value, state) {
    if (value === null || typeof value !== 'object') return value;
    if (isArray(value)) {
      for (let i = 0; i < value.length; i += 1) value[i] = revive(value[i], state);
      return value;
    }
    const marker = value[state.nonce];
    if (marker !== undefined) {
      if (marker[0] === 'fn') return state.fns[marker[1]];
      if (marker[0] === 'config') {
        let node = state.root;
        for (const key of marker[1]) {
          if (node === null || node === undefined) break;
          node = node[key];
        }
        return node;
      }
      if (marker[0] === 'scale') return makeScale(revive(marker[1], state));
      if (marker[0] === 'shared') return state.shared[marker[1]];
    }
    for (const key of ownKeys(value)) value[key] = revive(value[key], state);
    return value;
  }

  // What goes back is always ONE JSON.stringify result: the binding cannot hand Python a
  // concatenated (rope) string ("Unknown quickjs tag: -6"). {ok: tree} or {error, message}; a
  // function is {<nonce>: [ref, source]}. Only null-prototype objects reach stringify, so no
  // toJSON can be inherited from a prototype that config code changed.
  function answer(value, state, limits) {
    const wrapper = { __proto__: null };
    wrapper.ok = convert(value, state, limits);
    return stringify(wrapper);
  }
  function failure(kind, message) {
    const error = { __proto__: null };
    error.error = kind;
    error.message = clip(StringCtor(message));
    return stringify(error);
  }

  let state = null;

  // dispatch('parse', text, nonce, limitsJSON) / dispatch('call', ref, argsJSON, thisJSON,
  // limitsJSON) / dispatch('each', ref, batchJSON, thisJSON, limitsJSON) with batch
  // {shared: [...], rows: [[args...], ...]}: always a string, as answer() and failure() make it.
  return function dispatch(op, a, b, c, d) {
    try {
      if (op === 'parse') {
        const limits = parseJSON(c);
        state = { nonce: b, fns: nullArray(), sources: nullArray(), refs: new MapCtor(), root: undefined };
        let build;
        let firstError;
        try {
          build = new FunctionCtor(...HELPER_NAMES, 'return (\n' + a + '\n);');
        } catch (e) {
          firstError = e;
        }
        if (build === undefined) {
          try {
            // QuickChart's own wrapping: accepts `{...}; more statements`
            build = new FunctionCtor(...HELPER_NAMES, 'return ' + a);
          } catch (_) {
            return failure('syntax', describe(firstError));
          }
        }
        let root;
        try {
          root = apply(build, undefined, HELPERS);
        } catch (e) {
          if (e instanceof Fault) throw e;
          return failure('thrown', describe(e));
        }
        state.root = root;
        return answer(root, state, limits);
      }
      if (op === 'call') {
        const limits = parseJSON(d);
        const fn = state.fns[a];
        const args = revive(parseJSON(b), state);
        const self = revive(parseJSON(c), state);
        let result;
        try {
          result = apply(fn, self, args);
        } catch (e) {
          return failure('thrown', describe(e));
        }
        return answer(result, state, limits);
      }
      if (op === 'each') {
        // one callback over many argument lists (a tick callback per tick): values marked
        // shared are revived once and passed as the same object to every call, as Chart.js
        // passes one ticks array, and the whole batch is one round trip
        const limits = parseJSON(d);
        const fn = state.fns[a];
        const batch = parseJSON(b);
        state.shared = revive(batch.shared, state);
        const self = revive(parseJSON(c), state);
        const rows = revive(batch.rows, state);
        state.shared = null;
        const results = nullArray();
        for (let i = 0; i < rows.length; i += 1) {
          try {
            results[i] = apply(fn, self, rows[i]);
          } catch (e) {
            return failure('thrown', describe(e));
          }
        }
        return answer(results, state, limits);
      }
      return failure('internal', 'unknown operation');
    } catch (e) {
      if (e instanceof Fault) return failure('limit', e.fault);
      return failure('thrown', describe(e));
    }
  };
})();
