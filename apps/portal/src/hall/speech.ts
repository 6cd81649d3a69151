/**
 * 语音叫号: the browser's speech synthesis in Mandarin (zh-CN) where the browser has it; silent
 * elsewhere. A number is read digit by digit ("A 0 1 2" → "A零一二"), as halls announce them.
 */
const DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

export function spokenNumber(number: string): string {
  return [...number].map((c) => (c >= "0" && c <= "9" ? DIGITS[Number(c)] : c)).join("");
}

export function speechAvailable(): boolean {
  return typeof window !== "undefined" && "speechSynthesis" in window && typeof window.SpeechSynthesisUtterance === "function";
}

export function announce(text: string, times = 2): void {
  if (!speechAvailable()) return;
  const voices = window.speechSynthesis.getVoices();
  const voice = voices.find((v) => v.lang === "zh-CN") ?? voices.find((v) => v.lang.startsWith("zh"));
  for (let i = 0; i < times; i += 1) {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = "zh-CN";
    if (voice) utterance.voice = voice;
    utterance.rate = 0.9;
    window.speechSynthesis.speak(utterance);
  }
}
