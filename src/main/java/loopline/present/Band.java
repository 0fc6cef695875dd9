package loopline.present;

import java.util.Arrays;
import java.util.Objects;

/** The range around a line: at each x, the lowest and highest value the uncertain inputs allow. */
public record Band(String name, double[] x, double[] low, double[] high) {

    /** Equal when drawn the same: the values, not the arrays' identity (see {@link Series#equals}). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Band b && Objects.equals(name, b.name) && Arrays.equals(x, b.x) && Arrays.equals(low, b.low)
                && Arrays.equals(high, b.high);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(x), Arrays.hashCode(low), Arrays.hashCode(high));
    }
}
