# multiprocessing.Pool.map over N tiny items (square), default chunksize; prints the best wall ms as JSON.
import json, multiprocessing, sys, time

def square(n):
    return n * n

if __name__ == '__main__':
    items, size, runs = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    best = float('inf')
    with multiprocessing.Pool(size) as pool:
        pool.map(square, range(1000))
        for _ in range(runs):
            start = time.perf_counter()
            pool.map(square, range(items))
            best = min(best, (time.perf_counter() - start) * 1000)
    print(json.dumps({'best': best}))
