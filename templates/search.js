/* dossier's search: runs in the browser over the index made by the build
   (src/render/search/). Every part of the index is a classic script that
   calls window.dossierSearch, loaded when a query needs it, so search also
   works from disk (file://), where fetch is refused.

   The index is read by search-index.js, which the page loads first.

   fold(), words(), stemFrench() and stemEnglish() mirror
   src/render/search/words.rs: change one, change the other.
   tests/search.rs runs both over the same words. */
(function () {
  "use strict";

  var FRENCH_STOP_WORDS = [
    "au", "aux", "avec", "ce", "ces", "cette", "dans", "de", "des", "du", "elle", "en", "est",
    "et", "il", "ils", "la", "le", "les", "leur", "leurs", "mais", "ne", "ni", "ou", "par", "pas",
    "pour", "qu", "que", "qui", "sa", "se", "ses", "son", "sont", "sur", "un", "une"
  ];
  var ENGLISH_STOP_WORDS = [
    "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "is", "it",
    "its", "of", "on", "or", "that", "the", "this", "to", "was", "were", "with"
  ];
  var STOP_WORDS = new Set(FRENCH_STOP_WORDS.concat(ENGLISH_STOP_WORDS));
  var WORD = /[\p{Alphabetic}\p{N}]+/gu;
  var LETTER = /^\p{Alphabetic}$/u;
  var PAGE_SIZE = 20;

  function foldChar(c) {
    var lower = c.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
    return lower.replace(/œ/g, "oe").replace(/æ/g, "ae").replace(/ß/g, "ss").replace(/ς/g, "σ");
  }

  function fold(text) {
    var out = "";
    for (var c of text) out += foldChar(c);
    return out;
  }

  /* The words of a folded text, one-letter words left out, and letters
     joined by periods made one word (`u.s.` is `us`): each with where it
     starts and ends in the text. */
  function wordsAt(folded) {
    var found = [], joined = null, end = -1, m;
    var word = new RegExp(WORD.source, "gu");
    var flush = function () {
      if (joined !== null && Array.from(joined.word).length > 1) {
        // Marked with its last period: `U.S.`, not `U.S`.
        if (folded[joined.end] === ".") joined.end++;
        found.push(joined);
      }
      joined = null;
    };
    while ((m = word.exec(folded)) !== null) {
      var w = m[0];
      var letter = LETTER.test(w);
      if (letter && joined !== null && m.index === end + 1 && folded[end] === ".") {
        joined.word += w;
        joined.end = m.index + w.length;
      } else {
        flush();
        var at = { word: w, start: m.index, end: m.index + w.length };
        if (letter) joined = at;
        else if (Array.from(w).length > 1) found.push(at);
      }
      end = m.index + w.length;
    }
    flush();
    return found;
  }

  function words(folded) {
    return wordsAt(folded).map(function (w) { return w.word; });
  }

  function endsWith(chars, suffix) {
    return chars.length >= suffix.length &&
      chars.slice(chars.length - suffix.length).join("") === suffix;
  }

  function stemFrench(word) {
    var chars = Array.from(word);
    if (chars.length <= 3) return word;
    if (endsWith(chars, "aux") && chars.length > 4) {
      chars.splice(chars.length - 3, 3, "a", "l");
    } else if (endsWith(chars, "s") || endsWith(chars, "x")) {
      chars.pop();
    }
    if (chars.length > 4 && endsWith(chars, "e")) chars.pop();
    var n = chars.length;
    if (n > 4 && chars[n - 1] === chars[n - 2] && /\p{Alphabetic}/u.test(chars[n - 1])) {
      chars.pop();
    }
    return chars.join("");
  }

  function stemEnglish(word) {
    if (Array.from(word).length <= 3) return word;
    var end = function (s) { return word.endsWith(s); };
    if (end("ies") && !end("eies") && !end("aies")) return word.slice(0, -3) + "y";
    if (end("es") && !end("aes") && !end("ees") && !end("oes")) return word.slice(0, -1);
    if (end("s") && !end("us") && !end("ss")) return word.slice(0, -1);
    return word;
  }

  /* The query's words, each with the stems it matches exactly and, for
     the last word while it is being typed, as a prefix of longer words. */
  function parse(query) {
    var found = words(fold(query));
    // A query that ends in a space or a mark (`U.S.`, `Putin,`) has its
    // last word written out; otherwise it is still being typed.
    var typing = !/[\s\p{P}]$/u.test(query);
    // Common words are left out of the index in their language, so they
    // are dropped from a query that has others; but a word alone (`UN`) or
    // being typed (`par` on the way to `Paris`) is searched.
    var kept = found.filter(function (word, i) {
      var last = typing && i === found.length - 1;
      return !STOP_WORDS.has(word) || last || found.length === 1;
    });
    // The word being typed is always kept, so it is still the last.
    return kept.map(function (word, i) {
      return {
        word: word,
        stems: [stemFrench(word), stemEnglish(word)],
        prefix: typing && i === kept.length - 1
      };
    });
  }

  function matches(token, folded) {
    return token.stems.indexOf(stemFrench(folded)) >= 0 ||
      token.stems.indexOf(stemEnglish(folded)) >= 0 ||
      (token.prefix && folded.startsWith(token.word));
  }

  /* Where the tokens match in text: [start, end) ranges, in order. */
  function matchRanges(text, tokens) {
    var folded = "";
    var starts = [];
    for (var i = 0; i < text.length;) {
      var c = String.fromCodePoint(text.codePointAt(i));
      var f = foldChar(c);
      for (var j = 0; j < f.length; j++) starts.push(i);
      folded += f;
      i += c.length;
    }
    starts.push(text.length);
    var ranges = [];
    wordsAt(folded).forEach(function (w) {
      if (tokens.some(function (t) { return matches(t, w.word); })) {
        ranges.push([starts[w.start], starts[w.end]]);
      }
    });
    return ranges;
  }

  /* What the tests call (under Node); the page goes on below. */
  if (typeof module !== "undefined") {
    module.exports = {
      frenchStopWords: FRENCH_STOP_WORDS, englishStopWords: ENGLISH_STOP_WORDS,
      fold: fold, words: words, stemFrench: stemFrench, stemEnglish: stemEnglish,
      parse: parse, matchRanges: matchRanges
    };
    return;
  }

  var form = document.getElementById("search");
  if (!form) return;
  var input = document.getElementById("search-query");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var root = form.dataset.root;
  var TEXTS_PER_FILE = Number(form.dataset.textsPerFile) || 1;

  var loading = {};
  function load(path) {
    if (!loading[path]) {
      loading[path] = new Promise(function (resolve) {
        var script = document.createElement("script");
        script.src = root + path;
        script.onload = script.onerror = function () { resolve(); };
        document.head.appendChild(script);
      });
    }
    return loading[path];
  }
  var index = new window.dossierIndex.Index(load, Number(form.dataset.documents) || 1);
  window.dossierSearch = index.receiver;

  /* The sentence around the first match, matches marked. */
  function snippet(text, tokens) {
    var marks = matchRanges(text, tokens);
    var from = 0;
    if (marks.length) {
      from = Math.max(0, marks[0][0] - 60);
      if (from > 0) from = text.indexOf(" ", from) + 1 || from;
    }
    var to = Math.min(text.length, from + 220);
    if (to < text.length) to = text.lastIndexOf(" ", to) > from ? text.lastIndexOf(" ", to) : to;
    var p = document.createElement("p");
    p.className = "snippet";
    var at = from;
    if (from > 0) p.append("… ");
    marks.forEach(function (range) {
      if (range[0] < at || range[1] > to) return;
      p.append(text.slice(at, range[0]));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(range[0], range[1]);
      p.append(mark);
      at = range[1];
    });
    p.append(text.slice(at, to));
    if (to < text.length) p.append(" …");
    return p;
  }

  function plural(count) {
    return count === 1 ? form.dataset.resultOne
      : form.dataset.resultsMany.replace("{n}", count.toLocaleString());
  }

  var latest = 0;
  var more = document.createElement("button");
  more.type = "button";
  more.className = "more";
  more.textContent = form.dataset.more;
  more.hidden = true;
  list.after(more);

  /* Runs the query and shows its first page of results. Keystrokes come
     faster than scripts load: only the latest query shows its results. */
  function run(query) {
    var run = ++latest;
    var tokens = parse(query);
    if (!tokens.length) {
      list.replaceChildren();
      // A query of spaces says nothing; `U` or `a` is told why it finds nothing.
      status.textContent = query.trim() ? form.dataset.nothingToSearch : "";
      more.hidden = true;
      return;
    }
    status.textContent = form.dataset.searching;
    more.onclick = function () { showPage(run, tokens, list.children.length); };
    showPage(run, tokens, 0);
  }

  /* Shows the results from the `start`th on, a page of them, once they
     and their texts are loaded. */
  function showPage(run, tokens, start) {
    // One page at a time: a second click while this one loads would ask
    // for the same results again.
    more.disabled = true;
    index.search(tokens, start + PAGE_SIZE).then(function (results) {
      if (run !== latest) return null;
      return index.shown(results.found.slice(start), TEXTS_PER_FILE).then(function (docs) {
        if (run !== latest) return;
        if (start === 0) list.replaceChildren();
        list.append.apply(list, docs.map(function (doc) { return item(doc, tokens); }));
        var shown = list.children.length;
        status.textContent = results.total === 0 ? form.dataset.noResults
          : plural(results.total) + (results.total > shown
            ? " (" + form.dataset.resultsShown.replace("{n}", shown) + ")" : "");
        more.hidden = shown >= results.total;
        more.disabled = false;
      });
    });
  }

  function item(doc, tokens) {
    var item = document.createElement("li");
    if (!doc) return item;
    var link = document.createElement("a");
    link.href = root + doc.u;
    link.textContent = doc.t;
    var kind = document.createElement("span");
    kind.className = "kind";
    kind.textContent = doc.k;
    item.append(link, " ", kind);
    if (doc.d) {
      var time = document.createElement("time");
      time.dateTime = doc.d;
      time.textContent = doc.ds;
      item.append(" ", time);
    }
    item.append(snippet(doc.x, tokens));
    return item;
  }

  function update() {
    var query = input.value;
    try {
      var url = new URL(window.location.href);
      if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
      window.history.replaceState(null, "", url);
    } catch (e) { /* some file:// pages refuse it: the search still runs */ }
    run(query);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    update();
  });
  input.addEventListener("input", update);
  index.ready();
  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) {
    input.value = initial;
    run(initial);
  }
}());
