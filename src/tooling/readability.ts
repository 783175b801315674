import { syllable } from 'syllable';

/**
 * The Flesch-Kincaid grade of a message: 0.39 × words per sentence + 11.8 × syllables per word
 * − 15.59. A grade is a US school year: grade 4 is about age 9 to 10. Placeholders count as a
 * short name ("Sam"), since that is what a child sees in their place.
 */
export function gradeOf(text: string): { grade: number; words: number } {
	const plain = text.replace(/\{\{[^}]+\}\}/g, 'Sam').replace(/[“”"()]/g, '');
	const words = plain.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
	if (!words.length) return { grade: 0, words: 0 };
	const sentences = Math.max(1, plain.split(/[.!?]+(?:\s|$)/).filter((s) => s.trim()).length);
	const syllables = words.reduce((sum, word) => sum + Math.max(1, syllable(word)), 0);
	const grade = 0.39 * (words.length / sentences) + 11.8 * (syllables / words.length) - 15.59;
	return { grade: Math.round(grade * 10) / 10, words: words.length };
}
