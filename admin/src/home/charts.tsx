import { Box, useTheme } from '@mui/material';
import type { ReactNode } from 'react';
import {
  Area,
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Line,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { DashboardFormat } from './format';

/**
 * The dashboard's charts (recharts). Every chart is a picture for sighted users only: its SVG is
 * hidden from assistive technology (and has recharts' keyboard layer turned off, so nothing hidden
 * takes focus), and each chart comes with its figures in words — a visible list, or a visually
 * hidden table (HiddenTable) that screen readers read instead. This module is loaded on demand
 * (React.lazy in Home.tsx), never with the sign-in page.
 */

/** Colours for categories (partner types, funding sources): distinct, and distinct in greyscale. */
export const CATEGORY_COLOURS = ['#1565c0', '#ef6c00', '#2e7d32', '#6a1b9a', '#c62828', '#00838f', '#5d4037'];

const TICK_FONT_SIZE = 12;

function useChartColours() {
  const theme = useTheme();
  return {
    official: theme.palette.primary.main,
    // Apart from the official figure's colour at a glance, in light and dark themes alike.
    live: '#ef6c00',
    target: theme.palette.grey[400],
    track: theme.palette.mode === 'dark' ? theme.palette.grey[800] : theme.palette.grey[200],
    text: theme.palette.text.secondary,
    grid: theme.palette.divider,
    tooltip: { backgroundColor: theme.palette.background.paper, borderColor: theme.palette.divider, color: theme.palette.text.primary },
  };
}

/** The chart itself: sized by its container (phone or desktop), and hidden from screen readers. */
const ChartBox = ({ height, maxWidth, children }: { height: number; maxWidth?: number; children: ReactNode }) => (
  <Box aria-hidden="true" sx={{ width: '100%', maxWidth, height, minWidth: 0, mx: maxWidth ? 'auto' : undefined }}>
    <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 320, height }}>
      {children as never}
    </ResponsiveContainer>
  </Box>
);

const VISUALLY_HIDDEN = {
  border: 0,
  clip: 'rect(0 0 0 0)',
  height: '1px',
  margin: '-1px',
  overflow: 'hidden',
  padding: 0,
  position: 'absolute',
  whiteSpace: 'nowrap',
  width: '1px',
} as const;

export interface HiddenTableProps {
  caption: string;
  columns: string[];
  /** Each row: its heading cell first, then the values (already formatted). */
  rows: string[][];
}

/**
 * A chart's figures for screen readers: a real table, visually hidden. The table sits in a 1 px
 * box that clips it (a table grows to its content whatever its own width says, and would make the
 * page scroll sideways on a phone).
 */
export const HiddenTable = ({ caption, columns, rows }: HiddenTableProps) => (
  <Box sx={VISUALLY_HIDDEN}>
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([heading, ...values], index) => (
          <tr key={`${heading}-${index}`}>
            <th scope="row">{heading}</th>
            {values.map((value, column) => (
              <td key={column}>{value}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  </Box>
);

export interface GaugeProps {
  /** Fractions of the target (0.656); null when unknown. */
  official: number | null;
  live: number | null;
}

/**
 * The coverage gauge: a half circle that is the 100 % target, the official rate as its outer arc
 * and the live rate as its inner one (each capped at the full arc).
 */
export const CoverageGauge = ({ official, live }: GaugeProps) => {
  const colours = useChartColours();
  const arc = (rate: number | null, fill: string) => {
    const shown = Math.max(0, Math.min(1, rate ?? 0));
    return [
      { name: 'covered', value: shown, fill },
      { name: 'rest', value: 1 - shown, fill: colours.track },
    ];
  };
  return (
    <ChartBox height={150} maxWidth={320}>
      <PieChart accessibilityLayer={false} margin={{ top: 0, right: 0, bottom: 0, left: 0 }}>
        <Pie
          data={arc(official, colours.official)}
          dataKey="value"
          rootTabIndex={-1}
          startAngle={180}
          endAngle={0}
          cx="50%"
          cy="100%"
          innerRadius="150%"
          outerRadius="195%"
          stroke="none"
          isAnimationActive={false}
        />
        {live != null && (
          <Pie
            data={arc(live, colours.live)}
            dataKey="value"
            rootTabIndex={-1}
            startAngle={180}
            endAngle={0}
            cx="50%"
            cy="100%"
            innerRadius="105%"
            outerRadius="140%"
            stroke="none"
            isAnimationActive={false}
          />
        )}
      </PieChart>
    </ChartBox>
  );
};

export interface BarDatum {
  label: string;
  value: number;
  /** A colour of its own (else the series colour). */
  fill?: string;
}

/**
 * Worker counts as horizontal bars for sighted users, and the same figures in a visually hidden
 * table (a heading column, a count column), which is what screen readers read.
 */
export const CountBars = ({
  data,
  format,
  caption,
  headings,
  labelWidth,
  barSize,
}: {
  data: BarDatum[];
  format: DashboardFormat;
  caption: string;
  /** The table's column headings: what each bar is, what it counts. */
  headings: [string, string];
  labelWidth?: number;
  barSize?: number;
}) => (
  <>
    <HorizontalBars data={data} format={format} labelWidth={labelWidth} barSize={barSize} />
    <HiddenTable caption={caption} columns={headings} rows={data.map((datum) => [datum.label, format.number(datum.value)])} />
  </>
);

/**
 * Horizontal bars, one per category (kecamatan, village, target vs protected): the names on the
 * left read well on a phone, however many there are.
 */
export const HorizontalBars = ({ data, format, colour, labelWidth = 110, barSize = 18, rupiah = false }: { data: BarDatum[]; format: DashboardFormat; colour?: string; labelWidth?: number; barSize?: number; rupiah?: boolean }) => {
  const colours = useChartColours();
  const fill = colour ?? colours.official;
  const rows = data.map((datum) => ({ ...datum, fill: datum.fill ?? fill }));
  return (
    <ChartBox height={Math.max(80, rows.length * (barSize + 14) + 40)}>
      <BarChart accessibilityLayer={false} data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }}>
        <CartesianGrid horizontal={false} stroke={colours.grid} />
        <XAxis type="number" tickFormatter={rupiah ? format.rupiahCompact : format.compact} tick={{ fill: colours.text, fontSize: TICK_FONT_SIZE }} allowDecimals={false} />
        <YAxis type="category" dataKey="label" width={labelWidth} interval={0} tick={{ fill: colours.text, fontSize: TICK_FONT_SIZE }} />
        <Tooltip
          formatter={(value) => (rupiah ? format.rupiah(Number(value)) : format.number(Number(value)))}
          contentStyle={colours.tooltip}
          cursor={{ fill: colours.track }}
        />
        <Bar dataKey="value" barSize={barSize} isAnimationActive={false} />
      </BarChart>
    </ChartBox>
  );
};

export interface TrendPoint {
  month: string;
  live: number;
  official: number | null;
}

/** Protected workers by month: the live count as an area, the official figures (if any) as points. */
export const TrendChart = ({ data, format, liveLabel, officialLabel }: { data: TrendPoint[]; format: DashboardFormat; liveLabel: string; officialLabel: string }) => {
  const colours = useChartColours();
  const hasOfficial = data.some((point) => point.official != null);
  return (
    <ChartBox height={220}>
      <ComposedChart accessibilityLayer={false} data={data} margin={{ top: 8, right: hasOfficial ? 4 : 16, bottom: 4, left: 4 }}>
        <CartesianGrid vertical={false} stroke={colours.grid} />
        <XAxis dataKey="month" tickFormatter={format.monthShort} tick={{ fill: colours.text, fontSize: TICK_FONT_SIZE }} minTickGap={8} />
        <YAxis yAxisId="live" tickFormatter={format.compact} tick={{ fill: colours.text, fontSize: TICK_FONT_SIZE }} width={48} allowDecimals={false} />
        {hasOfficial && (
          // Official figures count the whole regency, far more than the portal's own records: their own scale.
          <YAxis yAxisId="official" orientation="right" tickFormatter={format.compact} tick={{ fill: colours.text, fontSize: TICK_FONT_SIZE }} width={48} />
        )}
        <Tooltip
          labelFormatter={(month) => format.month(String(month))}
          formatter={(value, name) => [format.number(Number(value)), name === 'official' ? officialLabel : liveLabel]}
          contentStyle={colours.tooltip}
        />
        <Area yAxisId="live" type="monotone" dataKey="live" name="live" stroke={colours.live} fill={colours.live} fillOpacity={0.2} isAnimationActive={false} />
        {hasOfficial && (
          <Line yAxisId="official" type="monotone" dataKey="official" name="official" stroke={colours.official} strokeWidth={2} dot={{ r: 4 }} connectNulls isAnimationActive={false} />
        )}
      </ComposedChart>
    </ChartBox>
  );
};

export interface DonutDatum {
  key: string;
  label: string;
  value: number;
  fill: string;
}

/** A ring of shares (partner types, funding sources); its legend beside it carries the figures. */
export const Donut = ({ data, format }: { data: DonutDatum[]; format: DashboardFormat }) => {
  const colours = useChartColours();
  return (
    <ChartBox height={170} maxWidth={200}>
      <PieChart accessibilityLayer={false} margin={{ top: 0, right: 0, bottom: 0, left: 0 }}>
        <Pie data={data} dataKey="value" nameKey="label" rootTabIndex={-1} innerRadius="55%" outerRadius="95%" stroke={colours.tooltip.backgroundColor} isAnimationActive={false} />
        <Tooltip formatter={(value) => format.number(Number(value))} contentStyle={colours.tooltip} />
      </PieChart>
    </ChartBox>
  );
};

export interface StackDatum {
  label: string;
  committed: number;
  remaining: number;
}

/** Each budget as one bar: what decisions committed, then what remains. */
export const BudgetBars = ({ data, format, committedLabel, remainingLabel }: { data: StackDatum[]; format: DashboardFormat; committedLabel: string; remainingLabel: string }) => {
  const colours = useChartColours();
  return (
    <ChartBox height={data.length * 40 + 40}>
      <BarChart accessibilityLayer={false} data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }}>
        <CartesianGrid horizontal={false} stroke={colours.grid} />
        <XAxis type="number" tickFormatter={format.rupiahCompact} tick={{ fill: colours.text, fontSize: TICK_FONT_SIZE }} />
        <YAxis type="category" dataKey="label" width={44} tick={{ fill: colours.text, fontSize: TICK_FONT_SIZE }} />
        <Tooltip
          formatter={(value, name) => [format.rupiah(Number(value)), name === 'committed' ? committedLabel : remainingLabel]}
          contentStyle={colours.tooltip}
          cursor={{ fill: colours.track }}
        />
        <Bar dataKey="committed" name="committed" stackId="budget" fill={colours.official} barSize={20} isAnimationActive={false} />
        <Bar dataKey="remaining" name="remaining" stackId="budget" fill={colours.target} barSize={20} isAnimationActive={false} />
      </BarChart>
    </ChartBox>
  );
};

/** The colours of the gauge's arcs, for the words beside it. */
export function useGaugeColours() {
  const colours = useChartColours();
  return { official: colours.official, live: colours.live, budgetCommitted: colours.official, budgetRemaining: colours.target };
}
