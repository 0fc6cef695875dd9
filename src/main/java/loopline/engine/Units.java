package loopline.engine;

/** Unit constants the formulas share; formatting numbers for people is {@code present.Format}. */
public final class Units {
    public static final double GB = 1e9;
    public static final double TERA = 1e12;
    public static final double SECONDS_PER_HOUR = 3600;
    public static final double SECONDS_PER_DAY = 86_400;
    /** A month is 30 days throughout (the essay's arithmetic: 1M uses/day × $0.01 × 30 = $300k). */
    public static final double DAYS_PER_MONTH = 30;
    public static final double HOURS_PER_MONTH = DAYS_PER_MONTH * 24;

    private Units() {
    }
}
