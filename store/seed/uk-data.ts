/** A UK town with real postcode districts, coordinates and a rough weight by population. */
export interface Town {
  city: string;
  districts: readonly string[];
  lat: number;
  lng: number;
  weight: number;
}

/** Towns customers live in, weighted so that London and the big cities dominate. */
export const TOWNS: readonly Town[] = [
  { city: 'London', districts: ['SW1A', 'SW11', 'SE1', 'SE15', 'E1', 'E8', 'N1', 'N7', 'NW1', 'NW5', 'W2', 'W12', 'EC1V', 'WC2H'], lat: 51.5074, lng: -0.1278, weight: 14 },
  { city: 'Birmingham', districts: ['B1', 'B5', 'B13', 'B15', 'B29', 'B30'], lat: 52.4862, lng: -1.8904, weight: 4 },
  { city: 'Manchester', districts: ['M1', 'M4', 'M14', 'M20', 'M21'], lat: 53.4808, lng: -2.2426, weight: 4 },
  { city: 'Leeds', districts: ['LS1', 'LS2', 'LS6', 'LS7', 'LS8', 'LS17'], lat: 53.8008, lng: -1.5491, weight: 3.5 },
  { city: 'Sheffield', districts: ['S1', 'S7', 'S10', 'S11', 'S17'], lat: 53.3811, lng: -1.4701, weight: 2.5 },
  { city: 'Glasgow', districts: ['G1', 'G3', 'G11', 'G12', 'G41'], lat: 55.8642, lng: -4.2518, weight: 3 },
  { city: 'Edinburgh', districts: ['EH1', 'EH3', 'EH6', 'EH9', 'EH10'], lat: 55.9533, lng: -3.1883, weight: 2.5 },
  { city: 'Bristol', districts: ['BS1', 'BS3', 'BS6', 'BS7', 'BS8'], lat: 51.4545, lng: -2.5879, weight: 2.5 },
  { city: 'Liverpool', districts: ['L1', 'L8', 'L15', 'L17', 'L18'], lat: 53.4084, lng: -2.9916, weight: 2.5 },
  { city: 'Newcastle upon Tyne', districts: ['NE1', 'NE2', 'NE3', 'NE6'], lat: 54.9783, lng: -1.6178, weight: 2 },
  { city: 'Nottingham', districts: ['NG1', 'NG2', 'NG5', 'NG7'], lat: 52.9548, lng: -1.1581, weight: 2 },
  { city: 'Leicester', districts: ['LE1', 'LE2', 'LE3'], lat: 52.6369, lng: -1.1398, weight: 1.5 },
  { city: 'Cardiff', districts: ['CF10', 'CF11', 'CF14', 'CF24'], lat: 51.4816, lng: -3.1791, weight: 1.5 },
  { city: 'Belfast', districts: ['BT1', 'BT7', 'BT9', 'BT15'], lat: 54.5973, lng: -5.9301, weight: 1.5 },
  { city: 'Brighton', districts: ['BN1', 'BN2', 'BN3'], lat: 50.8225, lng: -0.1372, weight: 1.5 },
  { city: 'Oxford', districts: ['OX1', 'OX2', 'OX4'], lat: 51.752, lng: -1.2577, weight: 1 },
  { city: 'Cambridge', districts: ['CB1', 'CB2', 'CB4'], lat: 52.2053, lng: 0.1218, weight: 1 },
  { city: 'York', districts: ['YO1', 'YO10', 'YO24', 'YO31'], lat: 53.959, lng: -1.0815, weight: 1 },
  { city: 'Norwich', districts: ['NR1', 'NR2', 'NR3'], lat: 52.6309, lng: 1.2974, weight: 1 },
  { city: 'Exeter', districts: ['EX1', 'EX2', 'EX4'], lat: 50.7184, lng: -3.5339, weight: 1 },
  { city: 'Plymouth', districts: ['PL1', 'PL4', 'PL9'], lat: 50.3755, lng: -4.1427, weight: 1 },
  { city: 'Southampton', districts: ['SO14', 'SO15', 'SO17'], lat: 50.9097, lng: -1.4044, weight: 1.2 },
  { city: 'Aberdeen', districts: ['AB10', 'AB11', 'AB15'], lat: 57.1497, lng: -2.0943, weight: 1 },
  { city: 'Inverness', districts: ['IV1', 'IV2', 'IV3'], lat: 57.4778, lng: -4.2247, weight: 0.5 },
  { city: 'Swansea', districts: ['SA1', 'SA2', 'SA3'], lat: 51.6214, lng: -3.9436, weight: 0.8 },
  { city: 'Reading', districts: ['RG1', 'RG2', 'RG4'], lat: 51.4543, lng: -0.9781, weight: 1 },
  { city: 'Milton Keynes', districts: ['MK9', 'MK10', 'MK14'], lat: 52.0406, lng: -0.7594, weight: 1 },
  { city: 'Derby', districts: ['DE1', 'DE22', 'DE23'], lat: 52.9225, lng: -1.4746, weight: 0.8 },
  { city: 'Hull', districts: ['HU1', 'HU5', 'HU6'], lat: 53.7676, lng: -0.3274, weight: 0.8 },
  { city: 'Harrogate', districts: ['HG1', 'HG2'], lat: 53.9921, lng: -1.5418, weight: 0.5 },
  { city: 'Kendal', districts: ['LA9'], lat: 54.3280, lng: -2.7463, weight: 0.4 },
  { city: 'Keswick', districts: ['CA12'], lat: 54.6013, lng: -3.1347, weight: 0.3 },
  { city: 'Hebden Bridge', districts: ['HX7'], lat: 53.7420, lng: -2.0138, weight: 0.3 },
  { city: 'Bath', districts: ['BA1', 'BA2'], lat: 51.3811, lng: -2.359, weight: 0.6 },
  { city: 'Durham', districts: ['DH1'], lat: 54.7761, lng: -1.5733, weight: 0.5 },
];

/** Letters allowed in the inward code of a UK postcode (C, I, K, M, O, V never appear). */
export const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

/** Common British street names and kinds, combined into address lines. */
export const STREET_NAMES = [
  'Victoria', 'Station', 'Church', 'Park', 'Mill', 'Albert', 'Queen', 'King', 'Chapel', 'Manor',
  'Highfield', 'Grange', 'Beech', 'Oak', 'Willow', 'Springfield', 'Moor', 'Clarence', 'York', 'Windsor',
  'Market', 'Bridge', 'Meadow', 'Hawthorn', 'Cavendish', 'Belmont', 'Ash', 'Cliff', 'Linden', 'Heather',
] as const;
export const STREET_KINDS = ['Road', 'Street', 'Lane', 'Avenue', 'Terrace', 'Close', 'Crescent', 'Grove', 'Drive', 'Place'] as const;

/** Given names and surnames reflecting the UK's mix. */
export const FIRST_NAMES = [
  'Olivia', 'Amelia', 'Isla', 'Ava', 'Freya', 'Lily', 'Sophie', 'Grace', 'Emily', 'Chloe',
  'Hannah', 'Ella', 'Mia', 'Zara', 'Aisha', 'Priya', 'Fatima', 'Niamh', 'Seren', 'Eilidh',
  'Ruth', 'Joanne', 'Claire', 'Rebecca', 'Helen', 'Siobhan', 'Mei', 'Anya', 'Ngozi', 'Maja',
  'Oliver', 'George', 'Harry', 'Noah', 'Jack', 'Leo', 'Arthur', 'Oscar', 'Charlie', 'Jacob',
  'Thomas', 'James', 'William', 'Alfie', 'Finley', 'Mohammed', 'Yusuf', 'Arjun', 'Rhys', 'Callum',
  'Ewan', 'Declan', 'Owen', 'Daniel', 'Matthew', 'Stephen', 'Paul', 'Kwame', 'Tomasz', 'Wei',
] as const;

export const LAST_NAMES = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright',
  'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke',
  'Patel', 'Khan', 'Ahmed', 'Singh', 'Hussain', 'Begum', 'Ali', 'Shah', 'Chen', 'Wong',
  'Murphy', 'Kelly', 'O\u2019Brien', 'Campbell', 'Stewart', 'MacDonald', 'Morgan', 'Hughes', 'Lewis', 'Price',
  'Edwards', 'Turner', 'Hill', 'Moore', 'Cooper', 'Ward', 'Morris', 'King', 'Baker', 'Harrison',
  'Okafor', 'Mensah', 'Kowalski', 'Nowak', 'Novak', 'Rossi', 'Fernandes', 'Silva', 'Nguyen', 'Sutcliffe',
] as const;

/** Reserved documentation domains, so no seeded e-mail reaches a real inbox. */
export const EMAIL_DOMAINS = ['example.com', 'example.org', 'example.net', 'mail.example'] as const;
