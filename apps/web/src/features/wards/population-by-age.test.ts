import { describe, expect, it } from 'vitest';
import { parsePopulationByAge, populationByAgeTexts } from './population-by-age';

describe('population by age band', () => {
  it('is null when no band is filled in', () => {
    expect(parsePopulationByAge({ 'under-18': ' ', '18-24': '' }, 10_000)).toEqual({ value: null, errors: {} });
  });

  it('reads the bands given, with thousands separators, and leaves the rest out', () => {
    expect(parsePopulationByAge({ 'under-18': '2,100', '18-24': '1 250', '75-plus': '0' }, 10_000)).toEqual({
      value: { 'under-18': 2100, '18-24': 1250, '75-plus': 0 },
      errors: {},
    });
  });

  it('names the band of a figure that is not a whole number', () => {
    const { errors } = parsePopulationByAge({ '18-24': '12.5', '75-plus': 'many', '25-34': '-3' }, 10_000);
    expect(errors).toEqual({
      '18-24': 'Enter the number of people aged 18 to 24 as a whole number, for example 1200',
      '25-34': 'Enter the number of people aged 25 to 34 as a whole number, for example 1200',
      '75-plus': 'Enter the number of people aged 75 and over as a whole number, for example 1200',
    });
  });

  it('refuses bands that add up to more than the ward’s population', () => {
    const { errors } = parsePopulationByAge({ '18-24': '6000', '25-34': '5000' }, 10_000);
    expect(errors).toEqual({ '18-24': 'The age bands add up to 11,000, more than the ward’s population of 10,000: check the figures' });
    expect(parsePopulationByAge({ '18-24': '6000', '25-34': '4000' }, 10_000).errors).toEqual({});
  });

  it('fills the form from the stored figures', () => {
    expect(populationByAgeTexts({ '18-24': 1250 })).toMatchObject({ 'under-18': '', '18-24': '1250', '75-plus': '' });
    expect(populationByAgeTexts(null)['18-24']).toBe('');
  });
});
