// npm run bench: the latency of one command at a time (timeline-latency.mjs), or with --scale the
// platform seeded to 1k, 10k, 100k people (scale.mjs). Each file says what it measures.
await import(process.argv.slice(2).includes('--scale') ? './scale.mjs' : './timeline-latency.mjs');
