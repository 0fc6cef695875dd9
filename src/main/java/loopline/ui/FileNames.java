package loopline.ui;

import java.time.LocalDate;
import java.util.Locale;

/** File names proposed to the user. */
public final class FileNames {
    private FileNames() {
    }

    /** "70B: a terabyte to train" → "70b-a-terabyte-to-train" */
    public static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (s.length() > 60) {
            s = s.substring(0, 60).replaceAll("-[^-]*$", "");
        }
        return s.isEmpty() ? "scenario" : s;
    }

    /** The report's proposed name: scenario slug and date. */
    public static String report(String scenarioName, LocalDate date) {
        return slug(scenarioName) + "-" + date + ".png";
    }

    /** "70b-a-terabyte-to-train-vllm.sh": a launch script for the scenario, named by its launcher. */
    public static String launch(String scenarioName, String launcherId) {
        return slug(scenarioName) + "-" + launcherId + ".sh";
    }
}
