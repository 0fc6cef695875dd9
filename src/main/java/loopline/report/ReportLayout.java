package loopline.report;

import java.util.Arrays;
import java.util.stream.Collectors;
import loopline.cli.UsageException;

/** The two shapes of a report: a tall page to read and file, or a 16:9 slide to project. */
public enum ReportLayout {
    /** Every input, every chart and card, the assumptions and price sources; 1400 px wide, as tall as it needs. */
    PAGE("page"),
    /** 1920×1080, large type for the back of a room: the essential inputs, the charts and cards, one footnote line. */
    SLIDE("slide");

    private final String id;

    ReportLayout(String id) {
        this.id = id;
    }

    /** The name on the command line, {@code --layout page}. */
    public String id() {
        return id;
    }

    /** {@code --layout}'s value; anything else is one usage line naming the choices. */
    public static ReportLayout parse(String id) {
        return Arrays.stream(values()).filter(l -> l.id.equals(id)).findFirst()
                .orElseThrow(() -> new UsageException("--layout must be " + Arrays.stream(values()).map(ReportLayout::id)
                        .collect(Collectors.joining(" or ")) + ", got " + id));
    }
}
