/** One phone line, however it is printed: "1-800-515-1935" and "(800) 515-1935" are the same line. */

/** Digits only, without a leading 1 or an extension. */
export function phoneDigits(number: string): string {
  const digits = number.replace(/ ext\. .*$/, '').replace(/\D/g, '');
  return digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
}
