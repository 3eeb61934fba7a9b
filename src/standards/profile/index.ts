export { profileSchema, dateSchema, type Profile, type YearFigures, type IpItem } from './schema.ts';
export { parseProfile, parseProfiles, ProfileParseError, describeIssue, type ProfileIssue } from './parse.ts';
