// The Scanner page: codes come from a handheld scanner (a keyboard "wedge": a fast burst of keys ending in Enter,
// while no field is selected), from the phone's camera (the browser's BarcodeDetector, or a WebAssembly decoder) or
// typed in the form. Each code is put in the page's scan form (a product code) or packing slip form, which is sent as a
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

  // The camera: its frames are read by the browser's own BarcodeDetector where it has one that knows our formats, or
  // else by ZXing-C++ compiled to WebAssembly (vendor/zxing-wasm), fetched from this site only when the camera is
  // started. A code read is sent like a handheld scanner's; the same code held in view is sent again after a pause.
  var start = document.getElementById("camera-start");
  var stop = document.getElementById("camera-stop");
  var video = document.getElementById("camera-video");
  var note = document.getElementById("camera-note");
  if (!start) {
    return;
  }
  var camera = start.parentElement;
  var FORMATS = ["ean_13", "ean_8", "upc_a", "upc_e", "code_128", "code_39", "itf", "qr_code"];
  var NEEDED = ["ean_13", "ean_8", "upc_a", "code_128", "qr_code"];
  var ZXING_FORMATS = ["EAN13", "EAN8", "UPCA", "UPCE", "Code128", "Code39", "ITF", "QRCode"];
  var NATIVE_EVERY_MS = 250;
  var WASM_EVERY_MS = 200; // 5 frames a second: quick enough for a hand, light on a phone's battery
  var FRAME_WIDTH = 640;
  var SAME_CODE_AGAIN_MS = 2000;
  var hasCamera = navigator.mediaDevices && navigator.mediaDevices.getUserMedia;
  if (!hasCamera || !("BarcodeDetector" in window || typeof WebAssembly === "object")) {
    show(root.dataset.msgUnsupported);
    return;
  }
  start.hidden = false;
  var stream = null;
  var timer = null;
  var lastCode = null;
  var lastAt = 0;
  var decoder = null;

  function show(text) {
    note.textContent = text;
    note.hidden = false;
  }

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

  // A reader is {every: ms, read: video -> Promise of a code or null}.
  function nativeReader() {
    return window.BarcodeDetector.getSupportedFormats().then(function (formats) {
      var known = FORMATS.filter(function (f) {
        return formats.indexOf(f) >= 0;
      });
      var enough = NEEDED.every(function (f) {
        return known.indexOf(f) >= 0;
      });
      if (!enough) {
        return null;
      }
      var detector = new window.BarcodeDetector({formats: known});
      return {
        every: NATIVE_EVERY_MS,
        read: function () {
          return detector.detect(video).then(function (codes) {
            return codes.length > 0 ? codes[0].rawValue : null;
          });
        }
      };
    }).catch(function () {
      return null;
    });
  }

  function loadDecoder() {
    if (!decoder) {
      decoder = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = camera.dataset.decoder;
        script.onload = function () {
          resolve(window.ZXingWASM.prepareZXingModule({
            overrides: {
              locateFile: function (path, prefix) {
                return /\.wasm$/.test(path) ? camera.dataset.decoderWasm : prefix + path;
              }
            },
            fireImmediately: true
          }));
        };
        script.onerror = reject;
        document.head.appendChild(script);
      }).catch(function (error) {
        decoder = null;
        throw error;
      });
    }
    return decoder;
  }

  function wasmReader() {
    var canvas = document.createElement("canvas");
    var context = canvas.getContext("2d", {willReadFrequently: true});
    var options = {formats: ZXING_FORMATS, tryHarder: true, maxNumberOfSymbols: 1};
    return loadDecoder().then(function () {
      return {
        every: WASM_EVERY_MS,
        read: function () {
          if (!video.videoWidth) {
            return Promise.resolve(null);
          }
          var scale = Math.min(1, FRAME_WIDTH / video.videoWidth);
          canvas.width = Math.round(video.videoWidth * scale);
          canvas.height = Math.round(video.videoHeight * scale);
          context.drawImage(video, 0, 0, canvas.width, canvas.height);
          var frame = context.getImageData(0, 0, canvas.width, canvas.height);
          return window.ZXingWASM.readBarcodes(frame, options).then(function (results) {
            var valid = results.filter(function (result) {
              return result.isValid;
            });
            return valid.length > 0 ? valid[0].text : null;
          });
        }
      };
    });
  }

  // While htmx sends a scan or puts its answer in place, the form is not (yet) htmx's: submitted then, it would post
  // as a plain form and leave the page. A person's keys never come that fast; a camera's frames do, so it waits.
  function busy() {
    return root.querySelector(".htmx-request, .htmx-swapping, .htmx-added, .htmx-settling") !== null;
  }

  function watch(reader) {
    timer = setTimeout(function () {
      if (!stream) {
        return;
      }
      reader.read().then(function (code) {
        var now = Date.now();
        var again = code !== lastCode || now - lastAt > SAME_CODE_AGAIN_MS;
        if (stream && code && again && !busy()) {
          lastCode = code;
          lastAt = now;
          send(code);
        }
        watch(reader);
      }).catch(function () {
        watch(reader);
      });
    }, reader.every);
  }

  function refused(error) {
    var absent = error && (error.name === "NotFoundError" || error.name === "OverconstrainedError");
    return absent ? camera.dataset.msgAbsent : root.dataset.msgDenied;
  }

  start.addEventListener("click", function () {
    start.disabled = true;
    navigator.mediaDevices.getUserMedia({video: {facingMode: "environment"}, audio: false}).then(function (media) {
      stream = media;
      video.srcObject = media;
      video.hidden = false;
      start.hidden = true;
      stop.hidden = false;
      note.hidden = true;
      return video.play();
    }).then(function () {
      var reader = "BarcodeDetector" in window ? nativeReader() : Promise.resolve(null);
      return reader.then(function (found) {
        return found || wasmReader().catch(function () {
          stopCamera();
          show(camera.dataset.msgDecoder);
          return null;
        });
      });
    }, function (error) {
      stopCamera();
      show(refused(error));
      return null;
    }).then(function (reader) {
      start.disabled = false;
      if (reader && stream) {
        watch(reader);
      }
    });
  });
  stop.addEventListener("click", stopCamera);
  window.addEventListener("pagehide", stopCamera);
})();
