/**
 * Apache ECharts, only the parts the desk draws (bar and line charts, grid, tooltip, legend) with the SVG
 * renderer (crisp text, selectable, no canvas). Loaded with a dynamic import() the first time a chart renders,
 * so it is not in the first screen's script.
 */
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export { echarts };
