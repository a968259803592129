// A Teams-like host config (light theme) for Microsoft's Adaptive Cards JS renderer: Teams' type ramp
// (12/14/18/24 px), its spacing and its palette (text #242424, accent #5B5FC7, attention #C4314B ...).
// Written for this project from Teams' published design values; Segoe UI is not installed on Linux,
// so the font stack falls back to a metric-compatible sans-serif.
export const TEAMS_FONT_STACK =
  "'Segoe UI', 'Segoe UI Web (West European)', -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', 'Liberation Sans', 'DejaVu Sans', sans-serif";

const foreground = {
  default: { default: '#242424', subtle: '#616161' },
  dark: { default: '#242424', subtle: '#616161' },
  light: { default: '#FFFFFF', subtle: '#F5F5F5' },
  accent: { default: '#5B5FC7', subtle: '#7F85F5' },
  good: { default: '#0E700E', subtle: '#107C10' },
  warning: { default: '#835B00', subtle: '#A36A00' },
  attention: { default: '#C4314B', subtle: '#D13438' },
};

export const teamsHostConfig = {
  hostCapabilities: { capabilities: {} },
  choiceSetInputValueSeparator: ',',
  supportsInteractivity: true,
  fontTypes: {
    default: {
      fontFamily: TEAMS_FONT_STACK,
      fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
      fontWeights: { lighter: 300, default: 400, bolder: 600 },
    },
    monospace: {
      fontFamily: "Consolas, 'Courier New', 'DejaVu Sans Mono', monospace",
      fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
      fontWeights: { lighter: 300, default: 400, bolder: 600 },
    },
  },
  spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#E0E0E0' },
  imageSizes: { small: 32, medium: 52, large: 100 },
  containerStyles: {
    default: { backgroundColor: '#FFFFFF', foregroundColors: foreground },
    emphasis: { backgroundColor: '#F5F5F5', foregroundColors: foreground },
    accent: { backgroundColor: '#E8EBFA', foregroundColors: foreground },
    good: { backgroundColor: '#F1FAF1', foregroundColors: foreground },
    warning: { backgroundColor: '#FFF9F5', foregroundColors: foreground },
    attention: { backgroundColor: '#FDF3F4', foregroundColors: foreground },
  },
  actions: {
    maxActions: 6,
    spacing: 'default',
    buttonSpacing: 8,
    showCard: { actionMode: 'inline', inlineTopMargin: 16, style: 'emphasis' },
    preExpandSingleShowCardAction: false,
    actionsOrientation: 'horizontal',
    actionAlignment: 'left',
    iconPlacement: 'leftOfTitle',
    iconSize: 16,
  },
  adaptiveCard: { allowCustomStyle: true },
  imageSet: { imageSize: 'medium', maxImageHeight: 100 },
  factSet: {
    title: { color: 'default', size: 'default', isSubtle: false, weight: 'bolder', wrap: true, maxWidth: 150 },
    value: { color: 'default', size: 'default', isSubtle: false, weight: 'default', wrap: true },
    spacing: 12,
  },
  textBlock: { headingLevel: 2 },
  inputs: {
    label: {
      requiredInputs: { weight: 'bolder', suffix: ' *', suffixColor: 'attention' },
      optionalInputs: { weight: 'default' },
    },
    errorMessage: { size: 'small', color: 'attention' },
  },
};

/** CSS that makes buttons and inputs look like Teams (Fluent) controls on top of adaptivecards.css. */
export const teamsCardCss = `
  body { margin: 0; background: #F5F5F5; font-family: ${TEAMS_FONT_STACK}; -webkit-font-smoothing: antialiased; }
  #frame { display: inline-block; padding: 12px; background: #F5F5F5; }
  #bubble { background: #FFFFFF; border-radius: 6px; box-shadow: 0 1.6px 3.6px rgba(0,0,0,.13), 0 0.3px 0.9px rgba(0,0,0,.11); overflow: hidden; }
  .ac-pushButton { font-family: ${TEAMS_FONT_STACK}; font-size: 14px; font-weight: 600; color: #242424; background: #FFFFFF;
    border: 1px solid #D1D1D1; border-radius: 4px; padding: 5px 12px; min-height: 32px; cursor: pointer; overflow: hidden; text-overflow: ellipsis; }
  .ac-pushButton:hover { background: #F5F5F5; }
  .ac-pushButton.style-positive { color: #FFFFFF; background: #5B5FC7; border-color: #5B5FC7; }
  .ac-pushButton.style-destructive { color: #C4314B; border-color: #C4314B; }
  .ac-input { font-family: ${TEAMS_FONT_STACK}; font-size: 14px; color: #242424; }
  .ac-input.ac-textInput, .ac-input.ac-numberInput, .ac-input.ac-dateInput, .ac-input.ac-timeInput, .ac-input.ac-multichoiceInput {
    border: 1px solid #D1D1D1; border-bottom-color: #616161; border-radius: 4px; padding: 5px 10px; min-height: 32px; box-sizing: border-box; background: #FFFFFF; }
  .ac-input.ac-textInput.ac-multiline { min-height: 64px; }
  .ac-textBlock a { color: #5B5FC7; }
  /* adaptivecards.css draws the Action.ShowCard chevron with the FabricMDL2Icons font, absent here */
  .ac-pushButton.expandable:after { font-family: ${TEAMS_FONT_STACK}; font-size: 11px; font-weight: 400; content: "\\00a0\\25BE"; }
  .ac-pushButton.expandable.expanded:after { content: "\\00a0\\25B4"; }
  .ac-pushButton.expanded { color: #242424; background: #EBEBEB; border-color: #D1D1D1; }
`;
