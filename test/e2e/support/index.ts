/** The e2e helpers in one import: `import { it, select, dialog, download, today } from './support'`. */
export { killBrowser, loadDemoData, newProfile, openSection, shot, stillShot, untilStill } from '../browser';
export { addAgendaItem, clickToPage, fillMemberForm, openDesk, openMinuteVersions } from './desks';
export { it, type Session } from './fixtures';
export { dialog, fill, select, setDate, type Dialog } from './controls';
export { chooseFile, docxText, documentXml, download, type Downloaded } from './files';
export { countRows, daysFromToday, demo, readRows, today } from './data';
export { otherWriter, type OtherWriter } from './otherWriter';
