package loopline.engine.economics;

/**
 * How a GPU-hour is paid for. Rented: the provider's $/GPU-hour, which includes the power. Owned: the purchase spread
 * over the years the GPUs serve, the data centre's rent for their power capacity, and the electricity they actually
 * draw, billed apart; an owned GPU costs its share whether it works or not, so an owned fleet saves nothing by
 * scaling down at night but the power.
 */
public enum CostMode {
    RENTED("rented"),
    OWNED("owned");

    private final String id;

    CostMode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
