// Notebook 06-threads: the worker that tasks/daemon-demo.cjs starts. It only waits 400 ms and
// prints, so whether the line appears shows whether the process waited for a running worker.
setTimeout(() => console.log('worker finished'), 400);
