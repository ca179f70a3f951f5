/* Reads dossier's search index (src/render/search/) for search.js: the
   shards of the words of a query, then the tiers of postings its first
   results need, and the texts they show. Loaded before search.js.

   decodePostings() and decodeMembers() mirror
   src/render/search/encoding.rs: change one, change the other.
   tests/search.rs runs both over the same lists. */
(function () {
  "use strict";

  /* The index's numbers as text (src/render/search/encoding.rs): 5 bits
     a digit, most significant first, 32 added to all digits but the last. */
  var DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  var DIGIT_VALUE = new Int8Array(128);
  for (var d = 0; d < DIGITS.length; d++) DIGIT_VALUE[DIGITS.charCodeAt(d)] = d;

  /* Reads the numbers of `text`, from `at`, one after the other. */
  function numbers(text, at) {
    return {
      more: function () { return at < text.length; },
      next: function () {
        var value = 0, digit;
        do {
          digit = DIGIT_VALUE[text.charCodeAt(at++)];
          value = value * 32 + (digit & 31);
        } while (digit >= 32);
        return value;
      }
    };
  }

  /* Calls found(document, score) for each posting of a tier, best first:
     runs of one score, each its score, its length, then each document's
     distance from the previous one minus 1. */
  function decodePostings(text, found) {
    var read = numbers(text, 0);
    while (read.more()) {
      var score = read.next(), count = read.next(), doc = -1;
      for (var i = 0; i < count; i++) {
        doc += read.next() + 1;
        found(doc, score);
      }
    }
  }

  /* Calls found(document) for each document of a set, in order: `r` and
     the lengths of runs absent and present in turn, or `b` and a bitmap of
     6 documents a digit. */
  function decodeMembers(text, found) {
    if (text[0] === "b") {
      for (var i = 1; i < text.length; i++) {
        var bits = DIGIT_VALUE[text.charCodeAt(i)];
        for (var j = 0; j < 6; j++) if (bits & (1 << j)) found((i - 1) * 6 + j);
      }
      return;
    }
    var read = numbers(text, 1), doc = 0;
    while (read.more()) {
      doc += read.next();
      for (var end = doc + read.next(); doc < end; doc++) found(doc);
    }
  }

  /* Compares two strings by code point, as the build sorts them. */
  function compareText(a, b) {
    for (var i = 0; i < a.length && i < b.length; i++) {
      var x = a.codePointAt(i), y = b.codePointAt(i);
      if (x !== y) return x - y;
      if (x > 0xFFFF) i++;
    }
    return a.length - b.length;
  }

  /* What a query knows of a term: its entry in its shard (how many
     documents have it, and its postings or where they are), then each
     tier loaded. A document it has whose score is not known yet scores
     at most `bound` if it comes after `boundary`, else less. */
  function Term(entry, documentCount) {
    this.documents = entry[0];
    this.scores = new Uint8Array(documentCount);
    this.present = null;
    this.bound = 0;
    this.boundary = 0;
    this.pending = null;
    if (typeof entry[1] === "string") {
      this.tiers = 1;
      this.loaded = 0;
      this.read([entry[1]]);
    } else {
      this.tiers = entry[1];
      this.file = entry[2];
      this.loaded = 0;
    }
  }

  Term.prototype.complete = function () { return this.loaded >= this.tiers; };

  /* Takes in the next tier, [postings, members] (the first tier's
     members only when there are more); undefined if it did not load. */
  Term.prototype.read = function (tier) {
    var term = this, scores = this.scores;
    this.loaded++;
    if (!tier) return;
    decodePostings(tier[0], function (doc, score) {
      if (doc < scores.length) scores[doc] = score;
      term.bound = score;
      term.boundary = doc;
    });
    if (tier[1]) {
      var present = this.present = new Uint8Array(scores.length);
      decodeMembers(tier[1], function (doc) { if (doc < present.length) present[doc] = 1; });
    }
  };

  /* The first `wanted` documents of `matched` (per token, the terms it
     matches with their weights), best first, and how many there are; or
     the terms whose next tiers could change them (`unsure`).

     A document is found if every token matches one of its terms; its
     score is, summed over tokens, the best of its terms' scores times
     their weights (BM25). From the tiers loaded, each document's score
     is known within bounds: the results are sure once the first `wanted`
     are known exactly and no other could come before them. */
  function rank(matched, documentCount, wanted) {
    var n = documentCount;
    var lows = [];
    var low = null, high = null;
    matched.forEach(function (terms) {
      var tokenLow = new Float64Array(n).fill(NaN);
      var tokenHigh = new Float64Array(n).fill(NaN);
      terms.forEach(function (m) {
        var t = m.term, scores = t.scores, present = t.complete() ? null : t.present;
        for (var doc = 0; doc < n; doc++) {
          var known = scores[doc] * m.weight, most = known;
          if (scores[doc] === 0) {
            if (!present || !present[doc]) continue;
            known = m.weight;
            most = (doc > t.boundary ? t.bound : t.bound - 1) * m.weight;
          }
          if (!(tokenLow[doc] >= known)) tokenLow[doc] = known;
          if (!(tokenHigh[doc] >= most)) tokenHigh[doc] = most;
        }
      });
      lows.push(tokenLow);
      if (low === null) {
        low = tokenLow.slice();
        high = tokenHigh.slice();
        return;
      }
      for (var doc = 0; doc < n; doc++) {
        low[doc] = low[doc] + tokenLow[doc];
        high[doc] = high[doc] + tokenHigh[doc];
      }
    });
    // The best `wanted`, by their lowest scores, kept in order.
    var before = function (a, b) { return low[a] > low[b] || (low[a] === low[b] && a < b); };
    var top = [], total = 0;
    for (var doc = 0; doc < n; doc++) {
      if (low === null || isNaN(low[doc])) continue;
      total++;
      if (top.length === wanted && !before(doc, top[wanted - 1])) continue;
      var at = top.length;
      while (at > 0 && before(doc, top[at - 1])) at--;
      top.splice(at, 0, doc);
      if (top.length > wanted) top.pop();
    }
    // Documents that might yet come before the last shown, or whose
    // place among them is not known.
    var unsureDocs = top.filter(function (d) { return low[d] !== high[d]; });
    if (top.length === wanted) {
      var last = top[wanted - 1], shown = new Set(top);
      for (doc = 0; doc < n; doc++) {
        if (isNaN(low[doc]) || shown.has(doc)) continue;
        if (high[doc] > low[last] || (high[doc] === low[last] && doc < last)) unsureDocs.push(doc);
      }
    }
    // The terms whose next tier could tell more of them.
    var unsure = new Set();
    unsureDocs.forEach(function (doc) {
      matched.forEach(function (terms, i) {
        terms.forEach(function (m) {
          var t = m.term;
          if (t.complete() || t.scores[doc] || !t.present || !t.present[doc]) return;
          var most = (doc > t.boundary ? t.bound : t.bound - 1) * m.weight;
          if (most > lows[i][doc]) unsure.add(t);
        });
      });
    });
    return { found: top, total: total, unsure: Array.from(unsure) };
  }

  /* The index, read through `load(path)`, which runs the script at `path`
     (from the site root) and returns a promise kept once it ran, or
     failed; the scripts hand their data to `receiver`. */
  function Index(load, documentCount) {
    var index = this;
    this.load = load;
    this.documentCount = documentCount;
    this.keys = null;
    this.prefixWords = 8;
    this.shards = {};
    this.tiers = {};
    this.texts = {};
    this.terms = new Map();
    this.receiver = {
      keys: function (data) {
        index.keys = new Set(data.keys);
        index.prefixWords = data.prefixWords;
      },
      terms: function (key, own, top) { index.shards[key] = { own: own, top: top || null }; },
      tier: function (name, data) { index.tiers[name] = data; },
      texts: function (number, documents) { index.texts[number] = documents; }
    };
  }

  /* The keys of the shards, once loaded. */
  Index.prototype.ready = function () {
    var index = this;
    return this.load("search/keys.js").then(function () {
      if (!index.keys) index.keys = new Set();
    });
  };

  /* The shard of `key`: {own: {term: entry}, top: [[term, entry]] or null}. */
  Index.prototype.shard = function (key) {
    var index = this;
    var file = Array.from(key).map(function (c) {
      return c.codePointAt(0).toString(16).padStart(4, "0");
    }).join("");
    return this.load("search/terms/" + file + ".js").then(function () {
      return index.shards[key] || { own: {}, top: null };
    });
  };

  /* The key of the shard that would hold `term`: the longest that begins it. */
  Index.prototype.keyOf = function (term) {
    var chars = Array.from(term);
    for (var n = chars.length; n >= 2; n--) {
      var key = chars.slice(0, n).join("");
      if (this.keys.has(key)) return key;
    }
    return null;
  };

  Index.prototype.term = function (text, entry) {
    if (!this.terms.has(text)) this.terms.set(text, new Term(entry, this.documentCount));
    return this.terms.get(text);
  };

  /* The terms `token` matches, each with its weight (idf): its stems, and
     for a word being typed, at half weight, the `prefixWords` terms that
     begin with it that the most documents have. A word only begun counts
     half: `un` typed is more likely `un` than a rare `union`. */
  Index.prototype.matched = function (token) {
    var index = this, n = this.documentCount;
    var stems = token.stems.filter(function (s, i) { return token.stems.indexOf(s) === i; });
    var whole = stems.map(function (stem) {
      var key = index.keyOf(stem);
      return key === null ? null : index.shard(key).then(function (shard) {
        return Object.prototype.hasOwnProperty.call(shard.own, stem) ? [stem, shard.own[stem]] : null;
      });
    });
    var begun = token.prefix ? this.begun(token.word) : [];
    return Promise.all([Promise.all(whole), begun]).then(function (found) {
      var weight = function (entry, factor) {
        return Math.log(1 + (n - entry[0] + 0.5) / (entry[0] + 0.5)) * factor;
      };
      var matched = found[0].filter(Boolean).map(function (t) {
        return { term: index.term(t[0], t[1]), weight: weight(t[1], 1) };
      });
      found[1].filter(function (t) { return stems.indexOf(t[0]) < 0; })
        .sort(function (a, b) { return b[1][0] - a[1][0] || compareText(a[0], b[0]); })
        .slice(0, index.prefixWords)
        .forEach(function (t) {
          matched.push({ term: index.term(t[0], t[1]), weight: weight(t[1], 0.5) });
        });
      return matched;
    });
  };

  /* [term, entry] of the terms that begin with `word`: in its shard, or,
     when its shard is split by longer keys, those the most documents have. */
  Index.prototype.begun = function (word) {
    var key = this.keyOf(word);
    if (key === null) return [];
    return this.shard(key).then(function (shard) {
      var found = new Map();
      Object.keys(shard.own).forEach(function (text) {
        if (text.startsWith(word)) found.set(text, shard.own[text]);
      });
      if (key === word && shard.top) shard.top.forEach(function (t) { found.set(t[0], t[1]); });
      return Array.from(found);
    });
  };

  /* Loads the next tier of each of `terms`. Two queries (keystrokes) may
     ask for the same tier at once: it is read once. */
  Index.prototype.advance = function (terms) {
    var index = this;
    return Promise.all(terms.map(function (t) {
      if (!t.pending) {
        var name = t.file + "-" + t.loaded;
        t.pending = index.load("search/tiers/" + name + ".js").then(function () {
          t.read(index.tiers[name]);
          delete index.tiers[name];
          t.pending = null;
        });
      }
      return t.pending;
    }));
  };

  /* The first `wanted` results of `tokens` (from parse()), best first,
     and how many there are: {found, total}. Loads the shards of their
     words and the tiers of their terms that the results need. */
  Index.prototype.search = function (tokens, wanted) {
    var index = this;
    return this.ready().then(function () {
      return Promise.all(tokens.map(function (t) { return index.matched(t); }));
    }).then(function (matched) {
      var first = new Set();
      matched.forEach(function (terms) {
        terms.forEach(function (m) { if (m.term.loaded === 0) first.add(m.term); });
      });
      var settle = function () {
        var ranked = rank(matched, index.documentCount, wanted);
        if (!ranked.unsure.length) return { found: ranked.found, total: ranked.total };
        return index.advance(ranked.unsure).then(settle);
      };
      return index.advance(Array.from(first)).then(settle);
    });
  };

  /* What each of `documents` shows ({u, t, k, d, ds, x}; null if its
     texts did not load), once loaded. */
  Index.prototype.shown = function (documents, perFile) {
    var index = this;
    var files = new Set(documents.map(function (d) { return Math.floor(d / perFile); }));
    return Promise.all(Array.from(files).map(function (n) {
      return index.load("search/texts/" + n + ".js");
    })).then(function () {
      return documents.map(function (d) {
        return (index.texts[Math.floor(d / perFile)] || [])[d % perFile] || null;
      });
    });
  };

  var reader = {
    Index: Index, digits: DIGITS, decodePostings: decodePostings, decodeMembers: decodeMembers
  };
  if (typeof module !== "undefined") module.exports = reader;
  else window.dossierIndex = reader;
}());
