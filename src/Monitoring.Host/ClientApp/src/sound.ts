// The critical-alert beep: two short 880 Hz square-wave tones, generated here as a WAV (no audio
// file) and played by an <audio> element. Not WebAudio: creating the first AudioContext blocks the
// page for 100 ms or more while the browser opens the audio output (measured ~130 ms in headless
// Chromium), whereas an <audio> element opens it off the main thread. The element is prepared on the
// sign-in click, since browsers only allow sound after a user gesture.
let audio: HTMLAudioElement | undefined;
export let beeps = 0;

const RATE = 22_050;

/** Two beeps (0.2 s each, 0.25 s apart) as an 8-bit mono WAV. */
function beepWav(): Blob {
  const n = Math.round(RATE * 0.45);
  const buffer = new ArrayBuffer(44 + n);
  const view = new DataView(buffer);
  const text = (offset: number, s: string) => {
    for (let i = 0; i < s.length; i++) view.setUint8(offset + i, s.charCodeAt(i));
  };
  text(0, 'RIFF');
  view.setUint32(4, 36 + n, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, RATE, true);
  view.setUint32(28, RATE, true);
  view.setUint16(32, 1, true);
  view.setUint16(34, 8, true);
  text(36, 'data');
  view.setUint32(40, n, true);
  for (let i = 0; i < n; i++) {
    const t = i / RATE;
    const local = t % 0.25; // each tone starts every 0.25 s and lasts 0.2 s
    let gain = 0;
    if (local < 0.2) {
      gain = local < 0.01 ? local / 0.01 : Math.exp(-(local - 0.01) * 25);
    }

    const square = Math.sin(2 * Math.PI * 880 * t) >= 0 ? 1 : -1;
    view.setUint8(44 + i, Math.round(128 + 127 * 0.2 * gain * square));
  }

  return new Blob([buffer], { type: 'audio/wav' });
}

export function unlockAudio(): void {
  try {
    if (!audio) {
      audio = new Audio(URL.createObjectURL(beepWav()));
      audio.preload = 'auto';
      audio.load();
    }
  } catch {
    audio = undefined;
  }
}

export function beep(): void {
  beeps++;
  if (!audio) return;
  audio.currentTime = 0;
  void audio.play().catch(() => undefined);
}
