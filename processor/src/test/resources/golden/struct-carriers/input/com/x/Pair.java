package com.x;

import java.math.BigInteger;

public record Pair(int first, int second) {
    public record Sized(BigInteger size, Integer tag) {}
}
