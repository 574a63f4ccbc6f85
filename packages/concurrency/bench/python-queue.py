# asyncio.Queue put/get throughput, the same workload as the Node benchmark: one producer and one
# consumer through a queue of maxsize 100. Prints the best and median of several runs, in
# milliseconds of CPU time (process_time) and of wall-clock time, as bench/measure.mjs does.
import asyncio
import json
import sys
import time

ITEMS = int(sys.argv[1])
MAXSIZE = int(sys.argv[2])
RUNS = int(sys.argv[3])


async def once() -> float:
    q: asyncio.Queue[int] = asyncio.Queue(maxsize=MAXSIZE)
    total = 0

    async def consumer() -> None:
        nonlocal total
        for _ in range(ITEMS):
            total += await q.get()

    start, cpu_start = time.perf_counter(), time.process_time()
    task = asyncio.create_task(consumer())
    for i in range(ITEMS):
        await q.put(i)
    await task
    cpu = (time.process_time() - cpu_start) * 1000
    wall = (time.perf_counter() - start) * 1000
    assert total == ITEMS * (ITEMS - 1) // 2
    return cpu, wall


def summary(times: list[float]) -> dict[str, float]:
    times = sorted(times)
    return {"best": times[0], "median": times[len(times) // 2]}


async def main() -> None:
    runs = [await once() for _ in range(RUNS)]
    print(json.dumps({"cpu": summary([c for c, _ in runs]), "wall": summary([w for _, w in runs])}))


asyncio.run(main())
