package loopline.ui.chart;

import java.util.List;

/**
 * Chooses where a label goes among a few candidate boxes: inside the plot, clear of labels already
 * placed, and as far as possible from the curves (up to {@link #CLEAR}, beyond which every candidate is
 * as good and the earlier, preferred one wins). Pure geometry in plot pixels, cheap enough to run on every
 * slider step: a handful of candidates against a few hundred segments.
 */
final class LabelPlacer {
    /** Distance from every curve at which a label reads cleanly; farther is no better. */
    static final double CLEAR = 12;
    private static final double OVERLAP_PENALTY = 1_000;
    private static final double OUTSIDE_PENALTY = 10_000;

    private LabelPlacer() {
    }

    record Box(double x, double y, double w, double h) {
        boolean overlaps(Box o) {
            return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
        }

        double overlapArea(Box o) {
            double w = Math.min(x + this.w, o.x + o.w) - Math.max(x, o.x);
            double h = Math.min(y + this.h, o.y + o.h) - Math.max(y, o.y);
            return w > 0 && h > 0 ? w * h : 0;
        }

        boolean inside(double width, double height) {
            return x >= -0.5 && y >= -0.5 && x + w <= width + 0.5 && y + h <= height + 0.5;
        }
    }

    /** A curve as drawn: its points in plot pixels. */
    record Polyline(double[] x, double[] y) {
    }

    /** The best of {@code candidates} (at least one), in a plot of {@code width} × {@code height}. */
    static Box best(List<Box> candidates, List<Polyline> curves, List<Box> taken, double width, double height) {
        Box best = candidates.get(0);
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Box c : candidates) {
            double score = score(c, curves, taken, width, height);
            if (score > bestScore + 1e-9) {
                best = c;
                bestScore = score;
            }
            if (bestScore >= CLEAR) {
                return best; // clear of everything: no later candidate can do better
            }
        }
        return best;
    }

    /** Inside the plot and over no label already placed. */
    static boolean free(Box c, List<Box> taken, double width, double height) {
        return c.inside(width, height) && taken.stream().noneMatch(c::overlaps);
    }

    static double score(Box c, List<Polyline> curves, List<Box> taken, double width, double height) {
        double score = distanceUpTo(CLEAR, c, curves);
        if (!c.inside(width, height)) {
            score -= OUTSIDE_PENALTY;
        }
        for (Box t : taken) {
            if (c.overlaps(t)) { // any overlap is bad; when every candidate overlaps, the least one wins
                score -= OVERLAP_PENALTY * (1 + c.overlapArea(t) / (c.w() * c.h()));
            }
        }
        return score;
    }

    /** The shortest distance from the box to any curve; 0 when one crosses it. */
    static double distance(Box b, List<Polyline> curves) {
        return distanceUpTo(Double.POSITIVE_INFINITY, b, curves);
    }

    /**
     * {@link #distance}, but no more than {@code cap}: segments whose bounding box stays farther than that
     * are skipped with four comparisons, which is most of them.
     */
    static double distanceUpTo(double cap, Box b, List<Polyline> curves) {
        double d = cap;
        for (Polyline p : curves) {
            for (int i = 1; i < p.x().length; i++) {
                double x1 = p.x()[i - 1];
                double y1 = p.y()[i - 1];
                double x2 = p.x()[i];
                double y2 = p.y()[i];
                if (Math.max(x1, x2) < b.x() - d || Math.min(x1, x2) > b.x() + b.w() + d
                        || Math.max(y1, y2) < b.y() - d || Math.min(y1, y2) > b.y() + b.h() + d) {
                    continue;
                }
                d = Math.min(d, segmentDistance(b, x1, y1, x2, y2));
                if (d == 0) {
                    return 0;
                }
            }
        }
        return d;
    }

    static double segmentDistance(Box b, double x1, double y1, double x2, double y2) {
        if (crosses(b, x1, y1, x2, y2)) {
            return 0;
        }
        double d = Math.min(pointDistance(b, x1, y1), pointDistance(b, x2, y2));
        double r = b.x() + b.w();
        double btm = b.y() + b.h();
        d = Math.min(d, pointToSegment(b.x(), b.y(), x1, y1, x2, y2));
        d = Math.min(d, pointToSegment(r, b.y(), x1, y1, x2, y2));
        d = Math.min(d, pointToSegment(b.x(), btm, x1, y1, x2, y2));
        return Math.min(d, pointToSegment(r, btm, x1, y1, x2, y2));
    }

    /** Liang–Barsky: does the segment pass through the box? */
    private static boolean crosses(Box b, double x1, double y1, double x2, double y2) {
        double dx = x2 - x1;
        double dy = y2 - y1;
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {x1 - b.x(), b.x() + b.w() - x1, y1 - b.y(), b.y() + b.h() - y1};
        double t0 = 0;
        double t1 = 1;
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] < 0) {
                    return false;
                }
            } else {
                double t = q[i] / p[i];
                if (p[i] < 0) {
                    t0 = Math.max(t0, t);
                } else {
                    t1 = Math.min(t1, t);
                }
                if (t0 > t1) {
                    return false;
                }
            }
        }
        return true;
    }

    private static double pointDistance(Box b, double x, double y) {
        double dx = Math.max(Math.max(b.x() - x, 0), x - (b.x() + b.w()));
        double dy = Math.max(Math.max(b.y() - y, 0), y - (b.y() + b.h()));
        return Math.hypot(dx, dy);
    }

    private static double pointToSegment(double px, double py, double x1, double y1, double x2, double y2) {
        double dx = x2 - x1;
        double dy = y2 - y1;
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / len2));
        return Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy));
    }
}
