package dev.fastffi.benchmarks.coldstart;

/**
 * Hand-written FFM behind the interface fastffi binds: {@link ColdLib} implemented over
 * {@link ColdHandWrittenLazy}'s holder per function. Not a target: what any binding that hands
 * out the interface pays before a library of its own does anything, measured against the
 * holders alone.
 */
final class ColdHandWrittenInterface implements ColdLib {
    @Override
    public int cold0(int a, int b) {
        try {
            return ColdHandWrittenLazy.cold0(a, b);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Override
    public long cold1(long a, long b) {
        try {
            return ColdHandWrittenLazy.cold1(a, b);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Override
    public double cold2(double a, double b) {
        try {
            return ColdHandWrittenLazy.cold2(a, b);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Override
    public float cold3(float a, float b) {
        try {
            return ColdHandWrittenLazy.cold3(a, b);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Override
    public int cold4(int a) {
        try {
            return ColdHandWrittenLazy.cold4(a);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Override
    public long cold5(long a) {
        try {
            return ColdHandWrittenLazy.cold5(a);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Override
    public double cold6(double a) {
        try {
            return ColdHandWrittenLazy.cold6(a);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Override
    public float cold7(float a) {
        try {
            return ColdHandWrittenLazy.cold7(a);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Override
    public int cold8(int a, int b, int c) {
        try {
            return ColdHandWrittenLazy.cold8(a, b, c);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Override
    public long cold9(long a, long b, long c) {
        try {
            return ColdHandWrittenLazy.cold9(a, b, c);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Override
    public double cold10(double a, double b, double c) {
        try {
            return ColdHandWrittenLazy.cold10(a, b, c);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Override
    public int cold11(long a, int b) {
        try {
            return ColdHandWrittenLazy.cold11(a, b);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Override
    public long cold12(int a, long b) {
        try {
            return ColdHandWrittenLazy.cold12(a, b);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Override
    public double cold13(int a, double b) {
        try {
            return ColdHandWrittenLazy.cold13(a, b);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Override
    public double cold14(double a, int b) {
        try {
            return ColdHandWrittenLazy.cold14(a, b);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Override
    public int cold15(double a) {
        try {
            return ColdHandWrittenLazy.cold15(a);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Override
    public long cold16(double a, double b) {
        try {
            return ColdHandWrittenLazy.cold16(a, b);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Override
    public int cold17(int a, int b, int c, int d) {
        try {
            return ColdHandWrittenLazy.cold17(a, b, c, d);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Override
    public long cold18(int a, int b, int c, int d) {
        try {
            return ColdHandWrittenLazy.cold18(a, b, c, d);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Override
    public double cold19(long a) {
        try {
            return ColdHandWrittenLazy.cold19(a);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
