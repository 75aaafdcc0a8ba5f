// The Scanner page: codes come from a handheld scanner (a keyboard "wedge": a fast burst of keys ending in Enter,
// while no field is selected), from the phone's camera (the browser's BarcodeDetector, where it exists) or typed
// in the form. Each code is put in the page's scan form (a product code) or packing slip form, which is sent as a
// person would send it. The answer is told three ways: a beep (WebAudio), a colour and words in a live region.
(function () {
  "use strict";

  var root = document.getElementById("scanner");
  if (!root) {
    return;
  }

  // A scanner types a code in a few milliseconds a key (a slow Bluetooth one in tens); a person needs 100 ms or more
  // between most keys. So a code is keys ending in Enter whose typical (median) gap is short: one long gap (the
  // phone busy for a moment) does not break a code, a person's typing never looks like one. Keys after a pause
  // start afresh, and a code is at least this long.
  var MEDIAN_GAP_MS = 50;
  var PAUSE_MS = 800;
  var MIN_LENGTH = 4;

  var buffer = "";
  var gaps = [];
  var lastKey = 0;
  var audio = null;
  var focusedId = null;

  function isField(target) {
    var tag = target && target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable);
  }

  // Sound needs an AudioContext, which a browser lets start once the person has acted on the page (a key, a tap).
  // It is made at the first beep, not on a key: opening the audio device may take a moment, and a scanner's burst of
  // keys must not wait for it.
  function audioReady() {
    var Context = window.AudioContext || window.webkitAudioContext;
    var acted = !navigator.userActivation || navigator.userActivation.hasBeenActive;
    if (!audio && Context && acted) {
      audio = new Context();
    }
    if (audio && audio.state === "suspended") {
      audio.resume();
    }
    return audio !== null && audio.state !== "closed";
  }

  function beep(ok) {
    if (!audioReady()) {
      return;
    }
    var tones = ok ? [[880, 0, 0.12]] : [[220, 0, 0.18], [180, 0.22, 0.25]];
    tones.forEach(function (tone) {
      var osc = audio.createOscillator();
      var gain = audio.createGain();
      var start = audio.currentTime + tone[1];
      osc.type = ok ? "sine" : "square";
      osc.frequency.value = tone[0];
      gain.gain.setValueAtTime(0.0001, start);
      gain.gain.exponentialRampToValueAtTime(0.2, start + 0.01);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + tone[2]);
      osc.connect(gain);
      gain.connect(audio.destination);
      osc.start(start);
      osc.stop(start + tone[2] + 0.02);
    });
  }

  function feedbackRegion() {
    return document.getElementById("scan-feedback");
  }

  // Words in the live region, coloured by kind; a failure carries a Retry that sends the same code again.
  function say(kind, text, retry) {
    var region = feedbackRegion();
    region.textContent = "";
    var p = document.createElement("p");
    p.className = "feedback feedback-" + kind;
    p.setAttribute("data-result", kind);
    var strong = document.createElement("strong");
    strong.textContent = text;
    p.appendChild(strong);
    if (retry) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "secondary";
      button.textContent = root.dataset.msgRetry;
      button.addEventListener("click", retry);
      p.appendChild(document.createTextNode(" "));
      p.appendChild(button);
    }
    region.appendChild(p);
    beep(kind === "ok");
  }

  function median(values) {
    if (values.length === 0) {
      return Infinity;
    }
    var sorted = values.slice().sort(function (x, y) {
      return x - y;
    });
    return sorted[Math.floor(sorted.length / 2)];
  }

  function wedgeForm() {
    return root.querySelector("form[data-wedge]");
  }

  function send(code) {
    var form = wedgeForm();
    if (!form) {
      say("refused", root.dataset.msgNothing);
      return;
    }
    var input = form.querySelector('input[name="code"]');
    input.value = code;
    if (form.requestSubmit) {
      form.requestSubmit();
    } else {
      form.submit();
    }
  }

  // The wedge: listened to before anything else on the page, so that its Enter never presses a focused button.
  document.addEventListener("keydown", function (event) {
    if (isField(event.target) || event.ctrlKey || event.metaKey || event.altKey) {
      buffer = "";
      return;
    }
    var now = performance.now();
    var gap = now - lastKey;
    lastKey = now;
    if (gap > PAUSE_MS) {
      buffer = "";
      gaps = [];
    } else if (buffer.length > 0) {
      gaps.push(gap);
    }
    if (event.key === "Enter") {
      if (buffer.length >= MIN_LENGTH && median(gaps) <= MEDIAN_GAP_MS) {
        event.preventDefault();
        event.stopPropagation();
        send(buffer);
      }
      buffer = "";
      gaps = [];
      return;
    }
    if (event.key.length === 1) {
      if (buffer.length > 0 && event.key === " ") {
        event.preventDefault();
      }
      buffer += event.key;
    }
  }, true);
  window.addEventListener("pagehide", function () {
    if (audio) {
      audio.close();
      audio = null;
    }
  });

  // After a scan's answer: beep by its kind, and give the typed field its focus back if it had it.
  document.addEventListener("htmx:beforeSwap", function () {
    var active = document.activeElement;
    focusedId = active && active.id && root.contains(active) ? active.id : null;
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    if (!event.detail.target || event.detail.target.id !== "picking") {
      return;
    }
    var result = feedbackRegion().querySelector("[data-result]");
    if (result) {
      beep(result.getAttribute("data-result") === "ok");
    }
    if (focusedId && document.getElementById(focusedId)) {
      document.getElementById(focusedId).focus();
    }
  });

  function failed(event) {
    var elt = event.detail.elt;
    if (!root.contains(elt)) {
      return;
    }
    var xhr = event.detail.xhr;
    var why = xhr && xhr.status ? "HTTP " + xhr.status : document.body.dataset.msgOffline;
    var code = elt.querySelector && elt.querySelector('input[name="code"]');
    var value = code ? code.value : null;
    say("refused", root.dataset.msgFailed + " " + why, function () {
      if (value !== null) {
        send(value);
      } else if (elt.isConnected && elt.requestSubmit) {
        elt.requestSubmit();
      }
    });
  }
  document.addEventListener("htmx:responseError", failed);
  document.addEventListener("htmx:sendError", failed);

  // The camera, where the browser reads barcodes itself; elsewhere the page says so and the form stays.
  var start = document.getElementById("camera-start");
  var stop = document.getElementById("camera-stop");
  var video = document.getElementById("camera-video");
  var note = document.getElementById("camera-note");
  if (!start) {
    return;
  }
  var supported = "BarcodeDetector" in window && navigator.mediaDevices && navigator.mediaDevices.getUserMedia;
  if (!supported) {
    note.textContent = root.dataset.msgUnsupported;
    note.hidden = false;
    return;
  }
  start.hidden = false;
  var stream = null;
  var timer = null;
  var lastCode = null;
  var lastAt = 0;

  function stopCamera() {
    clearTimeout(timer);
    if (stream) {
      stream.getTracks().forEach(function (track) {
        track.stop();
      });
    }
    stream = null;
    video.hidden = true;
    stop.hidden = true;
    start.hidden = false;
  }

  function watch(detector) {
    timer = setTimeout(function () {
      if (!stream) {
        return;
      }
      detector.detect(video).then(function (codes) {
        var now = Date.now();
        if (codes.length > 0 && (codes[0].rawValue !== lastCode || now - lastAt > 2000)) {
          lastCode = codes[0].rawValue;
          lastAt = now;
          send(lastCode);
        }
        watch(detector);
      }).catch(function () {
        watch(detector);
      });
    }, 250);
  }

  start.addEventListener("click", function () {
    window.BarcodeDetector.getSupportedFormats().then(function (formats) {
      var wanted = ["code_128", "ean_13", "ean_8", "upc_a", "upc_e", "code_39", "itf", "qr_code"];
      var detector = new window.BarcodeDetector({
        formats: wanted.filter(function (f) {
          return formats.indexOf(f) >= 0;
        })
      });
      return navigator.mediaDevices.getUserMedia({video: {facingMode: "environment"}, audio: false})
        .then(function (media) {
          stream = media;
          video.srcObject = media;
          video.hidden = false;
          start.hidden = true;
          stop.hidden = false;
          note.hidden = true;
          return video.play().then(function () {
            watch(detector);
          });
        });
    }).catch(function () {
      stopCamera();
      note.textContent = root.dataset.msgDenied;
      note.hidden = false;
    });
  });
  stop.addEventListener("click", stopCamera);
  window.addEventListener("pagehide", stopCamera);
})();
