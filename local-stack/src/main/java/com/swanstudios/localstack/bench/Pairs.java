package com.swanstudios.localstack.bench;

import java.util.Arrays;

/** (key, value) pairs of longs, appended from one thread and read from another. */
final class Pairs {

    private long[] keys = new long[1024];
    private long[] values = new long[1024];
    private int size;

    synchronized void add(long key, long value) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        keys[size] = key;
        values[size++] = value;
    }

    synchronized int size() {
        return size;
    }

    synchronized Samples valuesWhereKeyIn(long from, long to) {
        Samples samples = new Samples();
        for (int i = 0; i < size; i++) {
            if (keys[i] >= from && keys[i] < to) {
                samples.add(values[i]);
            }
        }
        return samples;
    }
}
