/// <reference lib="webworker" />
import { precache, removeOldCaches, fromPrecache } from './precache';
import { respond } from './request';
import { onSync, type SyncEvent } from './drafts';

declare const self: ServiceWorkerGlobalScope;

self.addEventListener('install', (event) => {
	event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
	event.waitUntil(removeOldCaches().then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
	const answer = respond(event.request, fromPrecache);
	if (answer) event.respondWith(answer);
});

self.addEventListener('sync', (event) => onSync(event as SyncEvent));
