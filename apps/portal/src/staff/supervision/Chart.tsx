import { useEffect, useRef } from "react";
import * as echarts from "echarts/core";
import { BarChart, PieChart } from "echarts/charts";
import { DatasetComponent, GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { SVGRenderer } from "echarts/renderers";
import type { EChartsCoreOption } from "echarts/core";

// Only what the dashboard draws, so the area's chunk carries a part of ECharts, not all of it.
// Loaded with this area alone (the shell imports the area lazily).
echarts.use([BarChart, PieChart, DatasetComponent, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/**
 * A thin React wrapper around one ECharts instance (SVG, so that it prints sharp). The picture is
 * an image with a label for screen readers; the figures it draws are always given beside it as a
 * table too, which is what a keyboard or screen reader user reads.
 */
export function Chart({ option, label, height = 280, testId }: { option: EChartsCoreOption; label: string; height?: number; testId?: string }) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!host.current) return;
    const instance = echarts.init(host.current, undefined, { renderer: "svg" });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(host.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ animation: false, ...option }, { notMerge: true });
  }, [option]);

  return <div ref={host} role="img" aria-label={label} data-testid={testId} className="sup-chart" style={{ height, width: "100%" }} />;
}
