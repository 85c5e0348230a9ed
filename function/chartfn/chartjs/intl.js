// Intl.NumberFormat and Number.prototype.toLocaleString for the sandbox: QuickJS has no Intl,
// and tick callbacks and datalabels formatters use both. Evaluated as an expression before the
// prelude; defines globalThis.Intl. Separators and patterns follow CLDR for the locales below;
// an unknown locale falls back to its language, then to en-US (the locale QuickChart's Node
// server formats in).
(function () {
  'use strict';
  const NB = '\u00a0'; // no-break space
  const NNB = '\u202f'; // narrow no-break space
  // group, decimal, minimum grouping digits, Indian grouping, percent and currency patterns
  // ({s} sign, {n} number, {c} currency symbol), compact units
  const EN_COMPACT = [[1e12, 'T'], [1e9, 'B'], [1e6, 'M'], [1e3, 'K']];
  const LOCALES = {
    'en-US': { group: ',', decimal: '.', percent: '{s}{n}%', currency: '{s}{c}{n}', compact: EN_COMPACT, symbols: { JPY: '¥' } },
    'en-GB': { group: ',', decimal: '.', percent: '{s}{n}%', currency: '{s}{c}{n}', compact: EN_COMPACT, symbols: { USD: 'US$' } },
    'en-IN': { group: ',', decimal: '.', indian: true, percent: '{s}{n}%', currency: '{s}{c}{n}', compact: EN_COMPACT, symbols: { USD: '$' } },
    'de-DE': { group: '.', decimal: ',', percent: '{s}{n}' + NB + '%', currency: '{s}{n}' + NB + '{c}', compact: [[1e12, NB + 'Bio.'], [1e9, NB + 'Mrd.'], [1e6, NB + 'Mio.']], symbols: { JPY: '¥' } },
    'de-CH': { group: "'", decimal: '.', percent: '{s}{n}%', currency: '{c}' + NB + '{s}{n}', currencyNegative: '{c}{s}{n}', compact: [[1e12, NB + 'Bio.'], [1e9, NB + 'Mrd.'], [1e6, NB + 'Mio.']], symbols: { JPY: '¥', EUR: 'EUR' } },
    'fr-FR': { group: NNB, decimal: ',', percent: '{s}{n}' + NB + '%', currency: '{s}{n}' + NB + '{c}', compact: [[1e12, NB + 'Bn'], [1e9, NB + 'Md'], [1e6, NB + 'M'], [1e3, NB + 'k']], symbols: { USD: '$US', JPY: 'JPY' } },
    'es-ES': { group: '.', decimal: ',', minGroup: 2, percent: '{s}{n}' + NB + '%', currency: '{s}{n}' + NB + '{c}', compact: [[1e12, NB + 'B'], [1e6, NB + 'M'], [1e3, NB + 'mil']], symbols: { USD: 'US$', JPY: 'JPY' } },
    'it-IT': { group: '.', decimal: ',', minGroup: 2, percent: '{s}{n}%', currency: '{s}{n}' + NB + '{c}', compact: [[1e12, NB + 'Bln'], [1e9, NB + 'Mrd'], [1e6, NB + 'Mln']], symbols: { USD: 'USD', JPY: 'JPY' } },
    'pt-BR': { group: '.', decimal: ',', percent: '{s}{n}%', currency: '{s}{c}' + NB + '{n}', compact: [[1e12, NB + 'tri'], [1e9, NB + 'bi'], [1e6, NB + 'mi'], [1e3, NB + 'mil']], symbols: { USD: 'US$' } },
    'pt-PT': { group: NB, decimal: ',', minGroup: 2, percent: '{s}{n}%', currency: '{s}{n}' + NB + '{c}', compact: [[1e12, NB + 'Bi'], [1e9, NB + 'mM'], [1e6, NB + 'M'], [1e3, NB + 'mil']], symbols: { USD: 'US$' } },
    'nl-NL': { group: '.', decimal: ',', percent: '{s}{n}%', currency: '{c}' + NB + '{s}{n}', compact: [[1e12, NB + 'bln.'], [1e9, NB + 'mld.'], [1e6, NB + 'mln.'], [1e3, 'K']], symbols: { USD: 'US$' } },
    'ru-RU': { group: NB, decimal: ',', percent: '{s}{n}' + NB + '%', currency: '{s}{n}' + NB + '{c}', compact: [[1e12, NB + 'трлн'], [1e9, NB + 'млрд'], [1e6, NB + 'млн'], [1e3, NB + 'тыс.']], symbols: { RUB: '₽', USD: '$', JPY: '¥' } },
    'ja-JP': { group: ',', decimal: '.', percent: '{s}{n}%', currency: '{s}{c}{n}', compact: [[1e12, '兆'], [1e8, '億'], [1e4, '万']], symbols: { JPY: '￥', CNY: '元' } },
    'zh-CN': { group: ',', decimal: '.', percent: '{s}{n}%', currency: '{s}{c}{n}', compact: [[1e12, '万亿'], [1e8, '亿'], [1e4, '万']], symbols: { CNY: '¥', USD: 'US$', JPY: 'JP¥' } },
    'ko-KR': { group: ',', decimal: '.', percent: '{s}{n}%', currency: '{s}{c}{n}', compact: [[1e12, '조'], [1e8, '억'], [1e4, '만'], [1e3, '천']], symbols: { USD: 'US$' } },
    'hi-IN': { group: ',', decimal: '.', indian: true, percent: '{s}{n}%', currency: '{s}{c}{n}', compact: [[1e12, NB + 'ख॰'], [1e7, NB + 'क॰'], [1e5, NB + 'लाख'], [1e3, NB + 'हज़ार']], symbols: { USD: '$' } },
    'tr-TR': { group: '.', decimal: ',', percent: '{s}%{n}', currency: '{s}{c}{n}', compact: [[1e12, NB + 'Tn'], [1e9, NB + 'Mr'], [1e6, NB + 'Mn'], [1e3, NB + 'B']], symbols: { TRY: '₺', USD: '$', JPY: '¥' } },
  };
  const LANGUAGE = {
    en: 'en-US', de: 'de-DE', fr: 'fr-FR', es: 'es-ES', it: 'it-IT', pt: 'pt-BR', nl: 'nl-NL',
    ru: 'ru-RU', ja: 'ja-JP', zh: 'zh-CN', ko: 'ko-KR', hi: 'hi-IN', tr: 'tr-TR',
  };
  // CLDR's English symbols; a locale's own table above overrides them.
  const SYMBOLS = {
    USD: '$', EUR: '€', GBP: '£', JPY: 'JP¥', INR: '₹', CNY: 'CN¥', KRW: '₩', BRL: 'R$',
    CAD: 'CA$', AUD: 'A$', MXN: 'MX$', NZD: 'NZ$', HKD: 'HK$', TWD: 'NT$', ILS: '₪', VND: '₫',
    PHP: '₱', XAF: 'FCFA',
  };
  const ZERO_DIGIT_CURRENCIES = { JPY: 1, KRW: 1, VND: 1, CLP: 1, ISK: 1, XAF: 1, XOF: 1, UGX: 1, PYG: 1 };

  function resolveLocale(locales) {
    const list = locales === undefined ? [] : (typeof locales === 'string' ? [locales] : Array.from(locales));
    for (const item of list) {
      const tag = String(item).replace(/_/g, '-');
      const parts = tag.split('-');
      const lang = parts[0].toLowerCase();
      const region = parts.length > 1 ? parts[parts.length - 1].toUpperCase() : '';
      const exact = lang + '-' + region;
      if (LOCALES[exact]) return exact;
      if (LANGUAGE[lang]) return LANGUAGE[lang];
    }
    return 'en-US';
  }

  // The shortest decimal digits that read back as x (x finite, >= 0): Intl rounds that
  // decimal, not the binary value, so 1.005 to two places is 1.01 as in V8.
  function decimalDigits(x) {
    const text = String(x);
    let mantissa = text;
    let exponent = 0;
    const e = text.indexOf('e');
    if (e >= 0) {
      mantissa = text.slice(0, e);
      exponent = Number(text.slice(e + 1));
    }
    const dot = mantissa.indexOf('.');
    const intPart = dot < 0 ? mantissa : mantissa.slice(0, dot);
    const frac = dot < 0 ? '' : mantissa.slice(dot + 1);
    let digits = intPart + frac;
    let point = intPart.length + exponent;
    while (digits.length > 1 && digits[0] === '0') {
      digits = digits.slice(1);
      point -= 1;
    }
    if (digits === '0') point = 1;
    return { digits, point };
  }

  // Keep `keep` digits (half away from zero); returns new {digits, point}.
  function roundDigits(d, keep) {
    if (keep >= d.digits.length) return d;
    if (keep < 0) return { digits: '0', point: 1 };
    const up = d.digits.charCodeAt(keep) >= 53; // '5'
    let head = d.digits.slice(0, keep);
    let point = d.point;
    if (up) {
      const chars = head.split('');
      let i = chars.length - 1;
      while (i >= 0 && chars[i] === '9') {
        chars[i] = '0';
        i -= 1;
      }
      if (i < 0) {
        chars.unshift('1');
        point += 1;
      } else {
        chars[i] = String.fromCharCode(chars[i].charCodeAt(0) + 1);
      }
      head = chars.join('');
    }
    if (head === '' || /^0*$/.test(head)) return { digits: '0', point: 1 };
    return { digits: head, point };
  }

  function splitDigits(d) {
    const { digits, point } = d;
    let intPart;
    let frac;
    if (point <= 0) {
      intPart = '0';
      frac = '0'.repeat(-point) + digits;
    } else if (point >= digits.length) {
      intPart = digits + '0'.repeat(point - digits.length);
      frac = '';
    } else {
      intPart = digits.slice(0, point);
      frac = digits.slice(point);
    }
    return { intPart, frac: frac.replace(/0+$/, '') };
  }

  function group(intPart, data, useGrouping) {
    if (!useGrouping) return intPart;
    const minGroup = data.minGroup || 1;
    if (intPart.length < 3 + minGroup) return intPart;
    let head = intPart.slice(0, -3);
    const parts = [intPart.slice(-3)];
    const size = data.indian ? 2 : 3;
    while (head.length > size) {
      parts.unshift(head.slice(-size));
      head = head.slice(0, -size);
    }
    if (head) parts.unshift(head);
    return parts.join(data.group);
  }

  function integerOption(options, name, min, max, fallback) {
    const value = options[name];
    if (value === undefined) return fallback;
    const number = Number(value);
    if (!Number.isFinite(number) || number < min || number > max) {
      throw new RangeError(name + ' value is out of range.');
    }
    return Math.floor(number);
  }

  function NumberFormat(locales, options) {
    if (!(this instanceof NumberFormat)) return new NumberFormat(locales, options);
    const opts = options === undefined ? {} : Object(options);
    const locale = resolveLocale(locales);
    const style = opts.style === undefined ? 'decimal' : String(opts.style);
    if (style !== 'decimal' && style !== 'percent' && style !== 'currency' && style !== 'unit') {
      throw new RangeError('Value ' + style + ' out of range for Intl.NumberFormat options property style');
    }
    let currency;
    if (style === 'currency') {
      if (opts.currency === undefined) throw new TypeError('Currency code is required with currency style.');
      currency = String(opts.currency).toUpperCase();
    }
    const notation = opts.notation === undefined ? 'standard' : String(opts.notation);
    const currencyDigits = currency ? (ZERO_DIGIT_CURRENCIES[currency] ? 0 : 2) : 0;
    const defaultMin = style === 'currency' ? currencyDigits : 0;
    const defaultMax = style === 'currency' ? currencyDigits : (style === 'percent' ? 0 : 3);
    const minFD = integerOption(opts, 'minimumFractionDigits', 0, 100, defaultMin);
    const maxFD = integerOption(opts, 'maximumFractionDigits', 0, 100, Math.max(minFD, defaultMax));
    if (minFD > maxFD) throw new RangeError('maximumFractionDigits value is out of range.');
    const hasSignificant = opts.minimumSignificantDigits !== undefined || opts.maximumSignificantDigits !== undefined;
    const minSD = integerOption(opts, 'minimumSignificantDigits', 1, 21, 1);
    const maxSD = integerOption(opts, 'maximumSignificantDigits', minSD, 21, 21);
    this._resolved = {
      locale, numberingSystem: 'latn', style, currency,
      currencyDisplay: opts.currencyDisplay === undefined ? 'symbol' : String(opts.currencyDisplay),
      minimumIntegerDigits: integerOption(opts, 'minimumIntegerDigits', 1, 21, 1),
      minimumFractionDigits: minFD, maximumFractionDigits: maxFD,
      useGrouping: opts.useGrouping === undefined ? true : (opts.useGrouping !== false && opts.useGrouping !== 'false'),
      notation, signDisplay: opts.signDisplay === undefined ? 'auto' : String(opts.signDisplay),
    };
    if (hasSignificant) {
      this._resolved.minimumSignificantDigits = minSD;
      this._resolved.maximumSignificantDigits = maxSD;
    }
    const self = this;
    Object.defineProperty(this, 'format', { value: function format(value) { return self._format(value); } });
  }

  NumberFormat.prototype._format = function (value) {
    const r = this._resolved;
    const data = LOCALES[r.locale];
    let x = Number(value);
    const negative = x < 0 || Object.is(x, -0);
    let body;
    let isZero = false;
    if (Number.isNaN(x)) {
      body = 'NaN';
    } else if (!Number.isFinite(x)) {
      body = '∞';
    } else {
      let d = decimalDigits(Math.abs(x));
      if (r.style === 'percent' && d.digits !== '0') d = { digits: d.digits, point: d.point + 2 };
      let suffix = '';
      let compact = false;
      if (r.notation === 'compact') {
        for (const [size, unit] of data.compact) {
          if (Math.abs(x) * (r.style === 'percent' ? 100 : 1) >= size * 0.9995) {
            const shifted = { digits: d.digits, point: d.point - Math.round(Math.log10(size)) };
            const intDigits = Math.max(shifted.point, 1);
            const rounded = roundDigits(shifted, Math.max(2, intDigits));
            if (rounded.point >= 1 || Math.abs(x) >= size) {
              d = rounded;
              suffix = unit;
              compact = true;
              break;
            }
          }
        }
        if (!compact) d = roundDigits(d, Math.max(2, d.point));
      } else if (r.maximumSignificantDigits !== undefined) {
        d = roundDigits(d, r.maximumSignificantDigits);
      } else {
        d = roundDigits(d, d.point + r.maximumFractionDigits);
      }
      isZero = d.digits === '0';
      let { intPart, frac } = splitDigits(d);
      if (!compact) {
        if (r.minimumSignificantDigits !== undefined) {
          const significant = (intPart === '0' ? '' : intPart) + frac;
          let have = intPart === '0' ? frac.replace(/^0+/, '').length : significant.length;
          if (d.digits === '0') have = 1; // zero has one significant digit
          if (have < r.minimumSignificantDigits) frac += '0'.repeat(r.minimumSignificantDigits - have);
        } else if (frac.length < r.minimumFractionDigits) {
          frac += '0'.repeat(r.minimumFractionDigits - frac.length);
        }
      }
      if (intPart.length < r.minimumIntegerDigits) {
        intPart = '0'.repeat(r.minimumIntegerDigits - intPart.length) + intPart;
      }
      body = group(intPart, data, r.useGrouping) + (frac ? data.decimal + frac : '') + suffix;
    }
    let sign = '';
    if (r.signDisplay === 'always') sign = negative ? '-' : '+';
    else if (r.signDisplay === 'exceptZero') sign = isZero ? '' : (negative ? '-' : '+');
    else if (r.signDisplay === 'negative') sign = negative && !isZero ? '-' : '';
    else if (r.signDisplay !== 'never') sign = negative ? '-' : '';
    if (Number.isNaN(x)) sign = '';
    if (r.style === 'percent') return data.percent.replace('{s}', sign).replace('{n}', body);
    if (r.style === 'currency') {
      let symbol;
      if (r.currencyDisplay === 'code' || r.currencyDisplay === 'name') symbol = r.currency;
      else symbol = (data.symbols && data.symbols[r.currency]) || SYMBOLS[r.currency] || r.currency;
      if (r.currencyDisplay === 'narrowSymbol') symbol = (SYMBOLS[r.currency] || symbol).replace(/^[A-Z]+(?=[^A-Z])/, '');
      const special = sign === '-' && data.currencyNegative;
      let pattern = special || data.currency;
      // CLDR puts a space between a prefixed symbol that ends in a letter and the number
      if (!special && (pattern.indexOf('{c}{s}{n}') >= 0 || pattern.indexOf('{s}{c}{n}') >= 0)) {
        if (/[A-Za-z]$/.test(symbol)) pattern = pattern.replace('{c}', '{c}' + NB);
      }
      return pattern.replace('{s}', sign).replace('{c}', symbol).replace('{n}', body);
    }
    return sign + body;
  };

  NumberFormat.prototype.resolvedOptions = function () {
    return Object.assign({}, this._resolved);
  };
  NumberFormat.prototype.formatToParts = function (value) {
    return [{ type: 'literal', value: this._format(value) }];
  };
  NumberFormat.supportedLocalesOf = function (locales) {
    const list = locales === undefined ? [] : (typeof locales === 'string' ? [locales] : Array.from(locales));
    return list.filter((tag) => {
      const lang = String(tag).split(/[-_]/)[0].toLowerCase();
      return Boolean(LANGUAGE[lang]);
    });
  };

  const Intl = { NumberFormat };
  Object.defineProperty(globalThis, 'Intl', { value: Intl, writable: true, configurable: true });
  Object.defineProperty(Number.prototype, 'toLocaleString', {
    value: function toLocaleString(locales, options) {
      return new NumberFormat(locales, options).format(Number.prototype.valueOf.call(this));
    },
    writable: true,
    configurable: true,
  });
  return true;
})();
