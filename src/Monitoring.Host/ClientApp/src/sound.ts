// The critical-alert beep, generated with WebAudio (no audio file). The context is created on the
// sign-in click, since browsers only allow sound after a user gesture.
let context: AudioContext | undefined;
export let beeps = 0;

export function unlockAudio(): void {
  try {
    context ??= new AudioContext();
    void context.resume();
  } catch {
    context = undefined;
  }
}

export function beep(): void {
  beeps++;
  if (!context) return;
  const start = context.currentTime;
  for (let i = 0; i < 2; i++) {
    const osc = context.createOscillator();
    const gain = context.createGain();
    osc.type = 'square';
    osc.frequency.value = 880;
    gain.gain.setValueAtTime(0.0001, start + i * 0.25);
    gain.gain.exponentialRampToValueAtTime(0.2, start + i * 0.25 + 0.01);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.25 + 0.18);
    osc.connect(gain).connect(context.destination);
    osc.start(start + i * 0.25);
    osc.stop(start + i * 0.25 + 0.2);
  }
}
