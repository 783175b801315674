import { attributes, parseRecorder, read, selector, type RecordPart } from './contract';

/**
 * The voice recorder (`recorderBox(…)` in voice-recorder.svelte): without JavaScript the child
 * chooses a file; with it, they record and listen back (MediaRecorder, up to 5 minutes), and the
 * recording goes with the form in the same file field.
 */
const maxSeconds = 300;

export function recorder(box: HTMLElement): void {
	const input = box.querySelector<HTMLInputElement>('input[type=file]');
	const part = (name: RecordPart) => selector(attributes.record, name);
	const controls = box.querySelector<HTMLElement>(selector(attributes.recordControls));
	const start = box.querySelector<HTMLButtonElement>(part('start'));
	const stop = box.querySelector<HTMLButtonElement>(part('stop'));
	const time = box.querySelector<HTMLElement>(part('time'));
	if (!input || !controls || !start || !stop || !time) return;
	if (typeof MediaRecorder === 'undefined' || !navigator.mediaDevices?.getUserMedia) return;
	controls.hidden = false;

	let media: MediaRecorder | null = null;
	let timer: ReturnType<typeof setInterval> | undefined;
	let url: string | null = null;
	const recordingFor = read(box, attributes.recorder, parseRecorder)?.recordingFor ?? '{time}';

	function showTime(seconds: number) {
		const clock = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
		time!.textContent = recordingFor.replace('{time}', clock);
	}

	function recording(on: boolean) {
		start!.hidden = on;
		stop!.hidden = !on;
		if (!on) time!.textContent = '';
	}

	start.addEventListener('click', async () => {
		const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
		const chunks: Blob[] = [];
		const current = new MediaRecorder(stream);
		media = current;
		current.ondataavailable = (e) => chunks.push(e.data);
		current.onstop = () => {
			stream.getTracks().forEach((track) => track.stop());
			clearInterval(timer);
			const type = current.mimeType || 'audio/webm';
			const blob = new Blob(chunks, { type });
			const extension = type.includes('ogg') ? 'ogg' : type.includes('mp4') ? 'm4a' : 'webm';
			const transfer = new DataTransfer();
			transfer.items.add(new File([blob], `recording.${extension}`, { type }));
			input.files = transfer.files;
			if (url) URL.revokeObjectURL(url);
			url = URL.createObjectURL(blob);
			let audio = box.querySelector('audio');
			if (!audio) {
				audio = Object.assign(document.createElement('audio'), { controls: true });
				box.append(audio);
			}
			audio.src = url;
			recording(false);
			start.focus();
		};
		current.start();
		recording(true);
		stop.focus();
		let seconds = 0;
		showTime(seconds);
		timer = setInterval(() => {
			seconds += 1;
			showTime(seconds);
			if (seconds >= maxSeconds) current.stop();
		}, 1000);
	});
	stop.addEventListener('click', () => media?.stop());
	window.addEventListener('pagehide', () => {
		if (media?.state === 'recording') media.stop();
	});
}
