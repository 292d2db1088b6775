/*
 * Project METR's time-horizon trend (Kwa et al. 2025) to milestones: when does the 50%-success
 * task length of frontier models reach a work-day, a week, a month, a year of human work, if the
 * doubling trend continues?
 *
 *     java -cp target/scalefit.jar examples/ProjectHorizon.java
 *
 * Prints the doubling time and the milestone dates with 95% intervals, and writes project-horizon.png.
 */

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.scalefit.data.Dates;
import org.scalefit.horizon.HorizonTable;
import org.scalefit.stats.Interval;
import org.scalefit.horizon.Milestone;
import org.scalefit.horizon.Projection;
import org.scalefit.horizon.TrendFit;
import org.scalefit.horizon.TrendKind;
import org.scalefit.horizon.TrendOptions;
import org.scalefit.horizon.Trends;
import org.scalefit.plot.FigureWriter;
import org.scalefit.plot.Figure;
import org.scalefit.plot.TrendPlot;

public class ProjectHorizon {
    public static void main(String[] args) {
        Path file = Path.of(args.length > 0 ? args[0] : "datasets/metr-horizons.csv");
        // METR's published per-model horizons with their 95% intervals (Time Horizon 1.0, the first version
        // in the file), every model released up to November 2025.
        HorizonTable table = HorizonTable.read(file, HorizonTable.Columns.defaults(), List.of());

        // Frontier models only (each at least as good as every earlier one), an exponential trend of
        // ln(horizon) on release date; the interval comes from 1,000 refits on draws from the models'
        // published intervals, seeded, so it is the same on every machine and thread count.
        TrendOptions options = TrendOptions.defaults().withFrontier(true).withKinds(EnumSet.of(TrendKind.EXPONENTIAL));
        TrendFit trend = Trends.fit(table.points(), options);
        Interval dt = trend.doublingTimeInterval();
        System.out.printf("%s (%s): %d frontier models, doubling time %.0f days = %.1f months (95%% CI %.0f to %.0f days), R² %.2f%n",
                file.getFileName(), table.version(), trend.used().size(), trend.doublingTimeDays(),
                trend.doublingTimeDays() / Dates.DAYS_PER_MONTH, dt.lower(), dt.upper(), trend.r2());

        List<Milestone> milestones = Milestone.parseList("8h,40h,167h,2000h");
        String[] names = {"work day", "work week", "work month", "work year"};
        Projection projection = Projection.of(trend, milestones, new double[0]);
        List<Projection.MilestoneDate> dates = projection.milestones(TrendKind.EXPONENTIAL);
        for (int i = 0; i < dates.size(); i++) {
            Projection.MilestoneDate m = dates.get(i);
            System.out.printf("1 %-10s (%4.0f h) reached %s   95%% CI %s to %s%n", names[i], m.milestone().minutes() / 60,
                    Dates.format(m.date()), Dates.format(m.interval().lower()), Dates.format(m.interval().upper()));
        }

        // The chart: METR's layout, the trend solid over the fitted models and dashed beyond, its band, and the
        // milestone lines on the axis's own hours scale with the dates the trend reaches them.
        Figure chart = TrendPlot.of(trend, TrendPlot.Options.defaults()
                .withProjection(projection, Dates.toEpochDay("2032-01-01"))
                .withSource("Data: METR's published 50% horizons (Kwa et al. 2025); trend and projection by scalefit"));
        Path png = Path.of("project-horizon.png");
        FigureWriter.write(chart, png);
        System.out.println("wrote " + png);
    }
}
